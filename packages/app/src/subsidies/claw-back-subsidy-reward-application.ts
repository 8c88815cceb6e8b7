import { and, eq, isNull, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import type { SubsidyRewardApplicationView } from './subsidy-reward-views.ts';
import { completeRewardApplicationStep, loadRewardApplicationForStep } from './reward-application-step.ts';

export interface ClawBackSubsidyRewardApplicationInput {
  readonly id: string;
  readonly reason: string;
  readonly expectedVersion?: number;
}

/**
 * 追回 (claw back a reward) when a condition later proves false: an approved or paid application becomes
 * `clawed_back` with a reason (SUBSIDY_REASON_REQUIRED), its loans are released and its grant returns to the
 * scheme's budget under the budget row's lock, as for subsidies. Notifies the institution. Audited.
 * Source: issue 9 item 4 "clawback when a condition later proves false".
 */
export async function clawBackSubsidyRewardApplication(
  input: ClawBackSubsidyRewardApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  const scope = authorize(actor, 'subsidy_reward.claw_back');
  const reason = input.reason.trim();
  if (reason === '') throw new DomainError('SUBSIDY_REASON_REQUIRED');
  const now = deps.clock.now();
  const { subsidyRewardLoans, subsidyBudgets } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await loadRewardApplicationForStep(
      tx,
      input,
      actor,
      scope,
      ['approved', 'paid'],
      'claw_back',
    );
    if (row.grantedFen === null)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'claw_back' });
    await tx
      .update(subsidyRewardLoans)
      .set({ releasedAt: now })
      .where(and(eq(subsidyRewardLoans.applicationId, row.id), isNull(subsidyRewardLoans.releasedAt)));
    const budgets = await tx
      .select()
      .from(subsidyBudgets)
      .where(and(eq(subsidyBudgets.schemeId, row.schemeId), eq(subsidyBudgets.district, 'all')))
      .for('update');
    for (const budget of budgets)
      await tx
        .update(subsidyBudgets)
        .set({ usedFen: sql`${subsidyBudgets.usedFen} - ${row.grantedFen}`, updatedAt: now })
        .where(eq(subsidyBudgets.id, budget.id));
    return completeRewardApplicationStep(
      tx,
      row,
      'clawed_back',
      { clawedBackByUserId: actor.userId, clawbackReason: reason },
      { before: { grantedFen: row.grantedFen.toString() }, after: { reason } },
      actor,
      deps,
      now,
    );
  });
}
