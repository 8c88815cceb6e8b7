import { and, count, desc, isNull, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { notificationVisibility, toNotificationView, type NotificationView } from './notification-views.ts';

export interface FindNotificationsInput extends PageInput {
  /** Only those not yet read. */
  readonly unreadOnly?: boolean;
}

/** 我的通知 (my notifications): the actor's own and its organisation's, newest first, paged, with the unread count. */
export async function findNotifications(
  input: FindNotificationsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<NotificationView> & { unread: number }> {
  authorize(actor, 'notification.list');
  const { notifications } = tables;
  const conditions: SQL[] = [notificationVisibility(actor)];
  if (input.unreadOnly === true) conditions.push(isNull(notifications.readAt));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(notifications).where(where);
  const [unread] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(notificationVisibility(actor), isNull(notifications.readAt)));
  return {
    items: rows.map(toNotificationView),
    total: Number(total?.n ?? 0),
    unread: Number(unread?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
