import { and, count, isNull } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { notificationVisibility } from './notification-views.ts';

/** 未读通知数 (the bell's count): the actor's and its organisation's notifications not yet read. */
export async function countUnreadNotifications(actor: Actor, deps: AppDeps): Promise<{ unread: number }> {
  authorize(actor, 'notification.list');
  const [row] = await deps.db
    .select({ n: count() })
    .from(tables.notifications)
    .where(and(notificationVisibility(actor), isNull(tables.notifications.readAt)));
  return { unread: Number(row?.n ?? 0) };
}
