import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { drawExperts } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { expertDrawHash, type ExpertDrawHashAlgorithm } from './expert-draw-hash.ts';
import { findVisibleExpertReview, toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

const { expertReviews, expertReviewMembers, experts, organisations, financingCases } = tables;

/**
 * 抽取专家: draws the review's experts from the active pool with `drawExperts` on the committed seed, excluding
 * conflicts (affiliation — taken at its top organisation, so a bank's branch counts as the bank — equal to the
 * evaluator, the bank or the enterprise; on an open review of the same case; on a concluded review of it), and in
 * the same transaction records the candidate list and the conflict set and reveals the seed, so anyone can run
 * the draw again (`verifyExpertDraw`). Fewer eligible experts than needed refuses the draw. Audited.
 * Source: issue 7 item 7.
 */
export async function drawExpertReviewMembers(
  input: { readonly id: string; readonly expectedVersion?: number },
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
    if (review.state !== 'committed')
      throw new DomainError('EXPERT_REVIEW_STATE_CONFLICT', { state: review.state, action: 'draw' });
    const [financingCase] = await tx
      .select({ bankId: financingCases.bankId, enterpriseId: financingCases.enterpriseId })
      .from(financingCases)
      .where(eq(financingCases.id, review.caseId));

    const pool = await tx
      .select({
        id: experts.id,
        fields: experts.fields,
        ipcExpertise: experts.ipcExpertise,
        affiliationPath: organisations.path,
      })
      .from(experts)
      .leftJoin(organisations, eq(organisations.id, experts.affiliationOrganisationId))
      .where(eq(experts.active, true))
      .orderBy(experts.id);
    const engagements = await tx
      .select({ expertId: expertReviewMembers.expertId, state: expertReviews.state })
      .from(expertReviewMembers)
      .innerJoin(expertReviews, eq(expertReviews.id, expertReviewMembers.reviewId))
      .where(and(eq(expertReviews.caseId, review.caseId), ne(expertReviews.id, review.id)));
    const engagedOpen = new Set(engagements.filter((e) => e.state !== 'concluded').map((e) => e.expertId));
    const engagedBefore = new Set(engagements.filter((e) => e.state === 'concluded').map((e) => e.expertId));

    const candidates: tables.RecordedDrawCandidate[] = pool.map((e) => ({
      expertId: e.id,
      fields: e.fields,
      ipcExpertise: e.ipcExpertise,
      // The top of the affiliation's tree (bank hierarchy): `/rootId/…/id/`.
      affiliationOrgId: e.affiliationPath?.split('/')[1] ?? `independent:${e.id}`,
      priorEngagementCaseIds: engagedBefore.has(e.id) ? [review.caseId] : [],
    }));
    const conflicts: tables.RecordedDrawConflicts = {
      caseId: review.caseId,
      evaluatorOrgId: review.evaluatorOrganisationId,
      bankOrgId: financingCase!.bankId,
      enterpriseOrgId: financingCase!.enterpriseId,
      engagedExpertIds: [...engagedOpen].sort(),
    };
    const draw = drawExperts({
      pool: candidates,
      conflicts,
      count: review.expertCount,
      seed: review.seed,
      requiredIpcPrefixes: review.requiredIpcPrefixes,
      hash: expertDrawHash(review.hashAlgorithm as ExpertDrawHashAlgorithm),
    });
    if (draw.eligibleCount < review.expertCount)
      throw new DomainError('EXPERT_REVIEW_POOL_TOO_SMALL', {
        eligible: draw.eligibleCount,
        count: review.expertCount,
      });

    for (const [index, drawn] of draw.drawn.entries())
      await tx.insert(expertReviewMembers).values({
        id: randomUUID(),
        reviewId: review.id,
        expertId: drawn.expertId,
        drawOrder: index + 1,
        drawKey: drawn.key,
      });
    const [updated] = await tx
      .update(expertReviews)
      .set({
        state: 'drawn',
        candidates,
        conflicts,
        excluded: draw.excluded.map((e) => ({ expertId: e.expertId, reasons: [...e.reasons] })),
        seedRevealedAt: now,
        drawnByUserId: actor.userId,
        drawnAt: now,
        version: review.version + 1,
        updatedAt: now,
      })
      .where(and(eq(expertReviews.id, review.id), eq(expertReviews.version, review.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'expert_review.drawn',
        entityType: 'expert_review',
        entityId: review.id,
        before: { state: review.state, seedCommitment: review.seedCommitment },
        after: {
          state: 'drawn',
          seed: review.seed,
          drawnExpertIds: draw.drawn.map((d) => d.expertId),
          candidateCount: candidates.length,
          excludedCount: draw.excluded.length,
        },
      },
      now,
    );
    const [view] = await toExpertReviewViews(tx, [updated]);
    return view!;
  });
}
