import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { ReviewOutcome } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { findVisibleExpertReview, toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

export interface ConcludeExpertReviewInput {
  readonly id: string;
  readonly outcome: ReviewOutcome;
  /** 调整后价值 for `adjusted`. */
  readonly adjustedValueFen?: bigint;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

/** The outcome more than half of the opinions share, or null without such a majority. */
export function findMajorityOutcome(outcomes: readonly (string | null)[]): string | null {
  for (const candidate of ['confirmed', 'adjusted', 'rejected'])
    if (outcomes.filter((o) => o === candidate).length * 2 > outcomes.length) return candidate;
  return null;
}

/**
 * 复核结论: once every drawn expert has given an opinion, the bureau records the outcome — confirmed, adjusted
 * (with the adjusted value) or rejected. The experts are the makers and the bureau the checker: a conclusion
 * other than the experts' majority (or without one) needs a written reason. The outcome feeds the evaluation
 * firm's quality score. Audited. Source: issue 7 items 6 and 7.
 */
export async function concludeExpertReview(
  input: ConcludeExpertReviewInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ExpertReviewView> {
  const scope = authorize(actor, 'expert_review.manage');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const review = await findVisibleExpertReview(tx, input.id, actor, scope, true);
    if (review === undefined) throw new DomainError('NOT_FOUND');
    if (input.expectedVersion !== undefined && input.expectedVersion !== review.version)
      throw new DomainError('CONFLICT');
    if (review.state !== 'drawn')
      throw new DomainError('EXPERT_REVIEW_STATE_CONFLICT', { state: review.state, action: 'conclude' });
    const members = await tx
      .select({ outcome: tables.expertReviewMembers.opinionOutcome })
      .from(tables.expertReviewMembers)
      .where(eq(tables.expertReviewMembers.reviewId, review.id));
    const missing = members.filter((m) => m.outcome === null).length;
    if (missing > 0) throw new DomainError('EXPERT_REVIEW_OPINIONS_MISSING', { missing });
    if (input.outcome === 'adjusted' && input.adjustedValueFen === undefined)
      throw new DomainError('EXPERT_REVIEW_ADJUSTED_VALUE_REQUIRED');
    if (input.adjustedValueFen !== undefined && input.adjustedValueFen < 0n)
      throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'adjustedValueYuan' });
    const majority = findMajorityOutcome(members.map((m) => m.outcome));
    const reason = input.reason?.trim() ?? '';
    if (majority !== input.outcome && reason === '')
      throw new DomainError('EXPERT_REVIEW_REASON_REQUIRED', { majority: majority ?? '—' });
    const adjusted = input.outcome === 'adjusted' ? input.adjustedValueFen! : null;
    const [updated] = await tx
      .update(tables.expertReviews)
      .set({
        state: 'concluded',
        outcome: input.outcome,
        adjustedValueFen: adjusted,
        conclusionReason: reason === '' ? null : reason,
        concludedByUserId: actor.userId,
        concludedAt: now,
        version: review.version + 1,
        updatedAt: now,
      })
      .where(and(eq(tables.expertReviews.id, review.id), eq(tables.expertReviews.version, review.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'expert_review.concluded',
        entityType: 'expert_review',
        entityId: review.id,
        before: { state: review.state },
        after: { state: 'concluded', outcome: input.outcome, adjustedValueFen: adjusted, majority },
        ...(reason === '' ? {} : { reason }),
      },
      now,
    );
    const [view] = await toExpertReviewViews(tx, [updated]);
    return view!;
  });
}
