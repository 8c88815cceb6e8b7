import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { loadVisibleRound } from './get-whitelist-round.ts';
import { loadWhitelistRoundViews, type WhitelistRoundView } from './whitelist-round-views.ts';

/**
 * The frame of every bureau action on a round: one transaction, the round row locked, its state checked against
 * `from`, the change applied by `apply`, the audit event with the views before and after.
 */
export async function transitionWhitelistRound(
  deps: AppDeps,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  input: {
    readonly roundId: string;
    readonly from: readonly string[];
    /** Named in the refusal: 开启 / 发布 / 关闭 … (zh) — the message template adds the state. */
    readonly actionLabel: string;
    readonly auditAction: string;
    readonly apply: (tx: Transaction, round: typeof tables.whitelistRounds.$inferSelect) => Promise<void>;
  },
): Promise<WhitelistRoundView> {
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { row, view: before } = await loadVisibleRound(tx, actor, scope, input.roundId, true);
    if (!input.from.includes(row.state)) {
      throw new DomainError('WHITELIST_ROUND_STATE_INVALID', { state: row.state, action: input.actionLabel });
    }
    await input.apply(tx, row);
    const [after] = await tx
      .select()
      .from(tables.whitelistRounds)
      .where(eq(tables.whitelistRounds.id, row.id));
    const [view] = await loadWhitelistRoundViews(tx, [after!], actor, scope);
    await deps.audit.append(
      tx,
      actor,
      { action: input.auditAction, entityType: 'whitelist_round', entityId: row.id, before, after: view },
      now,
    );
    return view!;
  });
}
