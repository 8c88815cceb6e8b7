import { eq, or, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';

type NotificationRow = typeof tables.notifications.$inferSelect;

/** A notification as the API returns it. */
export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly params: Record<string, string>;
  readonly link: string | null;
  /** `user`: to the actor personally; `organisation`: to its organisation. */
  readonly addressedTo: 'user' | 'organisation';
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** The notifications an actor sees: its own and its organisation's. */
export function notificationVisibility(actor: Actor): SQL {
  const { notifications } = tables;
  return or(
    eq(notifications.recipientUserId, actor.userId),
    eq(notifications.recipientOrganisationId, actor.organisationId),
  )!;
}

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    addressedTo: row.recipientUserId === null ? 'organisation' : 'user',
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
