import { asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { drawExperts } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { expertDrawHash, type ExpertDrawHashAlgorithm } from './expert-draw-hash.ts';
import { findVisibleExpertReview } from './expert-review-view.ts';

/** The outcome of re-running a published draw. */
export interface ExpertDrawVerificationView {
  readonly reviewId: string;
  readonly reviewNumber: string;
  readonly hashAlgorithm: string;
  readonly seedCommitment: string;
  readonly seed: string;
  /** `hash(seed)` equals the commitment published before the draw. */
  readonly commitmentMatches: boolean;
  readonly expertCount: number;
  readonly requiredIpcPrefixes: string[];
  readonly candidates: tables.RecordedDrawCandidate[];
  readonly conflicts: tables.RecordedDrawConflicts;
  readonly excluded: { expertId: string; reasons: string[] }[];
  readonly recordedExpertIds: string[];
  readonly recomputedExpertIds: string[];
  /** The recomputed draw names the recorded experts in the same order. */
  readonly sameExperts: boolean;
}

/**
 * 抽取验证: re-runs `drawExperts` from the revealed seed, the recorded candidate list and conflict set, and checks
 * that `hash(seed)` is the commitment published before the draw and that the same experts come out in the same
 * order. The response carries everything needed to repeat it by hand (SHA-256 or SM3 of
 * `seed + "\u0000" + expertId`, ascending) — and so the conflict set (case, evaluator, bank and enterprise
 * organisations) and the candidates' affiliations and engagements: only those who may read the review re-run it
 * (access.md "Case parties"; another review is NOT_FOUND). Source: issue 7 item 7.
 */
export async function verifyExpertDraw(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<ExpertDrawVerificationView> {
  const scope = authorize(actor, 'expert_review.verify');
  const review = await findVisibleExpertReview(deps.db, id, actor, scope);
  if (review === undefined) throw new DomainError('NOT_FOUND');
  if (review.seedRevealedAt === null || review.candidates === null || review.conflicts === null)
    throw new DomainError('EXPERT_REVIEW_STATE_CONFLICT', { state: review.state, action: 'verify' });
  const members = await deps.db
    .select({ expertId: tables.expertReviewMembers.expertId })
    .from(tables.expertReviewMembers)
    .where(eq(tables.expertReviewMembers.reviewId, review.id))
    .orderBy(asc(tables.expertReviewMembers.drawOrder));
  const hash = expertDrawHash(review.hashAlgorithm as ExpertDrawHashAlgorithm);
  const draw = drawExperts({
    pool: review.candidates,
    conflicts: review.conflicts,
    count: review.expertCount,
    seed: review.seed,
    requiredIpcPrefixes: review.requiredIpcPrefixes,
    hash,
  });
  const recordedExpertIds = members.map((m) => m.expertId);
  const recomputedExpertIds = draw.drawn.map((d) => d.expertId);
  return {
    reviewId: review.id,
    reviewNumber: review.reviewNumber,
    hashAlgorithm: review.hashAlgorithm,
    seedCommitment: review.seedCommitment,
    seed: review.seed,
    commitmentMatches: hash(review.seed) === review.seedCommitment,
    expertCount: review.expertCount,
    requiredIpcPrefixes: review.requiredIpcPrefixes,
    candidates: review.candidates,
    conflicts: review.conflicts,
    excluded: draw.excluded.map((e) => ({ expertId: e.expertId, reasons: [...e.reasons] })),
    recordedExpertIds,
    recomputedExpertIds,
    sameExperts:
      recordedExpertIds.length === recomputedExpertIds.length &&
      recordedExpertIds.every((expertId, i) => recomputedExpertIds[i] === expertId),
  };
}
