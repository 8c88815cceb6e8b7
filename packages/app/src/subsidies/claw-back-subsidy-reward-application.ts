import { and, eq, isNull, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  getRewardApplicationForUpdate,
  toRewardApplicationViews,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';
import { notifySubsidyRewardStep } from './notify-subsidy-reward-step.ts';

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
  const { subsidyRewardApplications, subsidyRewardLoans, subsidyBudgets } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getRewardApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    if ((row.state !== 'approved' && row.state !== 'paid') || row.grantedFen === null)
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
    const [updated] = await tx
      .update(subsidyRewardApplications)
      .set({
        state: 'clawed_back',
        clawedBackByUserId: actor.userId,
        clawbackReason: reason,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(
        and(eq(subsidyRewardApplications.id, row.id), eq(subsidyRewardApplications.version, row.version)),
      )
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_reward.clawed_back',
        entityType: 'subsidy_reward_application',
        entityId: row.id,
        before: { state: row.state, version: row.version, grantedFen: row.grantedFen.toString() },
        after: { state: 'clawed_back', version: updated.version, reason },
      },
      now,
    );
    await notifySubsidyRewardStep(tx, updated, 'clawed_back', now);
    return (await toRewardApplicationViews(tx, [updated]))[0]!;
  });
}
