import { and, eq, isNull } from 'drizzle-orm';
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

export interface ReviewSubsidyRewardApplicationInput {
  readonly id: string;
  readonly decision: 'pass' | 'reject';
  readonly note?: string;
  readonly expectedVersion?: number;
}

/**
 * 审核 (review) of a reward application by the city bureau: `submitted` → `reviewed`, or `rejected` with a reason
 * (SUBSIDY_REASON_REQUIRED), which releases its loans for a later claim. Another bureau user approves
 * (maker-checker). Notifies the institution. Audited. Source: issue 9 items 2, 4.
 */
export async function reviewSubsidyRewardApplication(
  input: ReviewSubsidyRewardApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  const scope = authorize(actor, 'subsidy_reward.review');
  const note = input.note?.trim() ?? '';
  if (input.decision === 'reject' && note === '') throw new DomainError('SUBSIDY_REASON_REQUIRED');
  const now = deps.clock.now();
  const { subsidyRewardApplications, subsidyRewardLoans } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getRewardApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    if (row.state !== 'submitted')
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'review' });
    const state = input.decision === 'pass' ? 'reviewed' : 'rejected';
    if (state === 'rejected')
      await tx
        .update(subsidyRewardLoans)
        .set({ releasedAt: now })
        .where(and(eq(subsidyRewardLoans.applicationId, row.id), isNull(subsidyRewardLoans.releasedAt)));
    const [updated] = await tx
      .update(subsidyRewardApplications)
      .set({
        state,
        reviewedByUserId: actor.userId,
        reviewNote: note === '' ? null : note,
        ...(state === 'rejected' ? { rejectedByUserId: actor.userId, rejectReason: note } : {}),
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
        action: state === 'rejected' ? 'subsidy_reward.rejected' : 'subsidy_reward.reviewed',
        entityType: 'subsidy_reward_application',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state, version: updated.version, note },
      },
      now,
    );
    await notifySubsidyRewardStep(tx, updated, state, now);
    return (await toRewardApplicationViews(tx, [updated]))[0]!;
  });
}
