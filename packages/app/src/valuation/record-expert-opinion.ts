import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { ReviewOutcome } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { findVisibleExpertReview, toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

export interface RecordExpertOpinionInput {
  readonly reviewId: string;
  readonly expertId: string;
  readonly outcome: ReviewOutcome;
  /** The value the expert holds right, for `adjusted`. */
  readonly adjustedValueFen?: bigint;
  readonly opinion: string;
}

/**
 * 专家意见: a drawn expert's opinion (confirmed / adjusted with a value / rejected) and its grounds, recorded by
 * the expert with their own login or by the bureau on their behalf, until the review is concluded (a later
 * entry replaces an earlier one; both are in the audit trail). Source: issue 7 item 7.
 */
export async function recordExpertOpinion(
  input: RecordExpertOpinionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ExpertReviewView> {
  const scope = authorize(actor, 'expert_review.opinion');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const review = await findVisibleExpertReview(tx, input.reviewId, actor, scope, true);
    if (review === undefined) throw new DomainError('NOT_FOUND');
    if (review.state !== 'drawn')
      throw new DomainError('EXPERT_REVIEW_STATE_CONFLICT', { state: review.state, action: 'opinion' });
    const [member] = await tx
      .select({ member: tables.expertReviewMembers, userId: tables.experts.userId })
      .from(tables.expertReviewMembers)
      .innerJoin(tables.experts, eq(tables.experts.id, tables.expertReviewMembers.expertId))
      .where(
        and(
          eq(tables.expertReviewMembers.reviewId, review.id),
          eq(tables.expertReviewMembers.expertId, input.expertId),
        ),
      );
    // An expert with a login speaks only for themself.
    if (member === undefined || (scope === 'assigned' && member.userId !== actor.userId))
      throw new DomainError('EXPERT_REVIEW_NOT_A_MEMBER');
    if (input.outcome === 'adjusted' && input.adjustedValueFen === undefined)
      throw new DomainError('EXPERT_REVIEW_ADJUSTED_VALUE_REQUIRED');
    if (input.adjustedValueFen !== undefined && input.adjustedValueFen < 0n)
      throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'adjustedValueYuan' });
    const adjusted = input.outcome === 'adjusted' ? input.adjustedValueFen! : null;
    await tx
      .update(tables.expertReviewMembers)
      .set({
        opinionOutcome: input.outcome,
        opinionAdjustedValueFen: adjusted,
        opinion: input.opinion.trim(),
        recordedByUserId: actor.userId,
        recordedAt: now,
      })
      .where(eq(tables.expertReviewMembers.id, member.member.id));
    const [updated] = await tx
      .update(tables.expertReviews)
      .set({ version: review.version + 1, updatedAt: now })
      .where(eq(tables.expertReviews.id, review.id))
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'expert_review.opinion_recorded',
        entityType: 'expert_review',
        entityId: review.id,
        before:
          member.member.opinionOutcome === null
            ? null
            : { expertId: input.expertId, outcome: member.member.opinionOutcome },
        after: {
          expertId: input.expertId,
          outcome: input.outcome,
          adjustedValueFen: adjusted,
          onBehalf: member.userId !== actor.userId,
        },
      },
      now,
    );
    const [view] = await toExpertReviewViews(tx, [updated!]);
    return view!;
  });
}
