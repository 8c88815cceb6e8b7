import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { getUser } from './get-user.ts';
import type { UserView } from './user-view.ts';

/**
 * 启用/停用用户. Disabling ends the user's sessions at once; enabling also clears a lock-out.
 */
export async function updateUserStatus(
  input: { readonly userId: string; readonly status: 'active' | 'disabled' },
  actor: Actor,
  deps: AppDeps,
): Promise<UserView> {
  authorize(actor, 'user.update');
  await runInTransaction(deps, async (tx) => {
    const [before] = await tx
      .select()
      .from(tables.users)
      .where(eq(tables.users.id, input.userId))
      .for('update');
    if (before === undefined) throw new DomainError('NOT_FOUND');
    const now = deps.clock.now();
    await tx
      .update(tables.users)
      .set(
        input.status === 'active'
          ? { status: 'active', failedLogins: 0, lockedUntil: null }
          : { status: 'disabled' },
      )
      .where(eq(tables.users.id, input.userId));
    if (input.status === 'disabled')
      await tx.delete(tables.sessions).where(eq(tables.sessions.userId, input.userId));
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'user.status_changed',
        entityType: 'user',
        entityId: input.userId,
        before: { status: before.status, lockedUntil: before.lockedUntil },
        after: { status: input.status },
      },
      now,
    );
  });
  return getUser(input.userId, actor, deps);
}
