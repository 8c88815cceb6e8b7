import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { notificationVisibility } from './notification-views.ts';

export interface MarkNotificationsReadInput {
  /** One notification; without it, every unread one the actor sees. */
  readonly id?: string;
}

/**
 * 标为已读 (mark read): one notification the actor sees (NOT_FOUND otherwise), or all its unread ones. Reading
 * an organisation's notification marks it read for every member. Not audited: reading a message changes no
 * business record.
 */
export async function markNotificationsRead(
  input: MarkNotificationsReadInput,
  actor: Actor,
  deps: AppDeps,
): Promise<{ marked: number }> {
  authorize(actor, 'notification.mark_read');
  const now = deps.clock.now();
  const { notifications } = tables;
  return runInTransaction(deps, async (tx) => {
    const conditions: SQL[] = [notificationVisibility(actor)];
    if (input.id !== undefined) {
      const [row] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.id, input.id), notificationVisibility(actor)));
      if (row === undefined) throw new DomainError('NOT_FOUND');
      conditions.push(eq(notifications.id, input.id));
    }
    const marked = await tx
      .update(notifications)
      .set({ readAt: now, readByUserId: actor.userId })
      .where(and(...conditions, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: marked.length };
  });
}
