import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { transitionClaim, type ClaimStatus } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  appendClaimTimelineEvent,
  getPayerClaimForUpdate,
  toRiskClaimViews,
  type RiskClaimView,
} from './risk-claim-view.ts';

export interface ReviewRiskClaimInput {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/**
 * 受理审查 (start the review of a claim): a user of the paying organisation takes the filed claim into review and
 * becomes its reviewer — the maker of the payer's decision, who may then not approve it (maker-checker).
 * Source: issue 8 item 6; states.md `filed → under_review`.
 */
export async function reviewRiskClaim(
  input: ReviewRiskClaimInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskClaimView> {
  authorize(actor, 'risk_claim.review');
  const now = deps.clock.now();
  const { riskClaims } = tables;
  return runInTransaction(deps, async (tx) => {
    const claim = await getPayerClaimForUpdate(tx, input.id, actor);
    if (input.expectedVersion !== undefined && input.expectedVersion !== claim.version)
      throw new DomainError('CONFLICT');
    const next = transitionClaim(claim.state as ClaimStatus, 'start_review');
    if (!next.ok) throw new DomainError(next.code, next.params);
    const [updated] = await tx
      .update(riskClaims)
      .set({ state: next.state, reviewedByUserId: actor.userId, version: claim.version + 1, updatedAt: now })
      .where(and(eq(riskClaims.id, claim.id), eq(riskClaims.version, claim.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await appendClaimTimelineEvent(
      tx,
      actor,
      {
        caseId: claim.caseId,
        action: 'review_risk_claim',
        reasonCode: `${claim.payerRole}_claim`,
        note: `${claim.claimNumber}：受理审查${input.note === undefined ? '' : `（${input.note}）`}`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_claim.review_started',
        entityType: 'risk_claim',
        entityId: claim.id,
        before: { state: claim.state, version: claim.version },
        after: { state: updated.state, version: updated.version },
      },
      now,
    );
    return (await toRiskClaimViews(tx, [updated]))[0]!;
  });
}
