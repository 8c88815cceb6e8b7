import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import type { SubsidyRewardApplicationView } from './subsidy-reward-views.ts';
import { completeRewardApplicationStep, loadRewardApplicationForStep } from './reward-application-step.ts';

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
  const { subsidyRewardLoans } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await loadRewardApplicationForStep(tx, input, actor, scope, ['submitted'], 'review');
    const step = input.decision === 'pass' ? 'reviewed' : 'rejected';
    if (step === 'rejected')
      await tx
        .update(subsidyRewardLoans)
        .set({ releasedAt: now })
        .where(and(eq(subsidyRewardLoans.applicationId, row.id), isNull(subsidyRewardLoans.releasedAt)));
    return completeRewardApplicationStep(
      tx,
      row,
      step,
      {
        reviewedByUserId: actor.userId,
        reviewNote: note === '' ? null : note,
        ...(step === 'rejected' ? { rejectedByUserId: actor.userId, rejectReason: note } : {}),
      },
      { after: { note } },
      actor,
      deps,
      now,
    );
  });
}
