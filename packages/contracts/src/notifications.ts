import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, PageOf, PageQuery, Uuid } from './common.ts';

/** 站内通知: `kind` is a stable code the web texts by; `params` fill the text. */
export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.String()),
  link: Type.Union([Type.String(), Type.Null()]),
  addressedTo: Type.Union([Type.Literal('user'), Type.Literal('organisation')]),
  createdAt: IsoDateTime,
  readAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const NotificationPage = Type.Object({
  ...PageOf(Notification).properties,
  unread: Type.Integer({ description: "The actor's unread notifications in all" }),
});
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationListQuery = Type.Object(
  { ...PageQuery, unreadOnly: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const UnreadNotificationCount = Type.Object({ unread: Type.Integer() });
export const NotificationsMarked = Type.Object({ marked: Type.Integer() });
