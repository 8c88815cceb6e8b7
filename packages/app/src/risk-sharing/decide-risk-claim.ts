import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { transitionClaim, type ClaimStatus } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  appendClaimTimelineEvent,
  getPayerClaimForUpdate,
  toRiskClaimViews,
  type RiskClaimView,
} from './risk-claim-view.ts';

export interface DecideRiskClaimInput {
  readonly id: string;
  readonly decision: 'approve' | 'reject';
  /** 核定金额: at most the claimed amount; the claimed amount when left out. */
  readonly approvedYuan?: string;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

/**
 * 审批理赔 (decide a claim under review): a user of the paying organisation other than the claim's reviewer (and
 * its filer) approves an amount `0 < approved ≤ claimed`, or rejects it with a reason (a rejected claim is final
 * and frees the payer for a new claim). The claim row is locked and its version checked, so of N simultaneous
 * decisions exactly one is taken; the others find the claim decided (CLAIM_TRANSITION_NOT_ALLOWED).
 * Source: issue 8 item 6 "review, maker-checker"; states.md `under_review → approved | rejected`.
 * @throws CLAIM_MAKER_CHECKER_VIOLATION, CLAIM_APPROVED_AMOUNT_INVALID, CLAIM_REJECTION_REASON_REQUIRED.
 */
export async function decideRiskClaim(
  input: DecideRiskClaimInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskClaimView> {
  authorize(actor, 'risk_claim.decide');
  const now = deps.clock.now();
  const { riskClaims } = tables;
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && reason === '') {
    throw new DomainError(
      'CLAIM_REJECTION_REASON_REQUIRED',
      {},
      {
        problems: [{ code: 'CLAIM_REJECTION_REASON_REQUIRED', field: 'reason' }],
      },
    );
  }
  return runInTransaction(deps, async (tx) => {
    const claim = await getPayerClaimForUpdate(tx, input.id, actor);
    if (input.expectedVersion !== undefined && input.expectedVersion !== claim.version)
      throw new DomainError('CONFLICT');
    const next = transitionClaim(claim.state as ClaimStatus, input.decision);
    if (!next.ok) throw new DomainError(next.code, next.params);
    if (actor.userId === claim.reviewedByUserId || actor.userId === claim.filedByUserId)
      throw new DomainError('CLAIM_MAKER_CHECKER_VIOLATION', { userId: actor.userId });

    let approvedFen: bigint | null = null;
    if (input.decision === 'approve') {
      approvedFen = input.approvedYuan === undefined ? claim.claimedFen : parseYuan(input.approvedYuan);
      if (approvedFen <= 0n || approvedFen > claim.claimedFen) {
        const params = { claimedYuan: formatYuan(claim.claimedFen) };
        throw new DomainError('CLAIM_APPROVED_AMOUNT_INVALID', params, {
          problems: [{ code: 'CLAIM_APPROVED_AMOUNT_INVALID', field: 'approvedYuan', params }],
        });
      }
    }
    const [updated] = await tx
      .update(riskClaims)
      .set({
        state: next.state,
        approvedFen,
        decidedByUserId: actor.userId,
        decidedDate: toShanghaiDate(now),
        rejectionReason: input.decision === 'reject' ? reason : null,
        version: claim.version + 1,
        updatedAt: now,
      })
      .where(and(eq(riskClaims.id, claim.id), eq(riskClaims.version, claim.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await appendClaimTimelineEvent(
      tx,
      actor,
      {
        caseId: claim.caseId,
        action: input.decision === 'approve' ? 'approve_risk_claim' : 'reject_risk_claim',
        reasonCode: `${claim.payerRole}_claim`,
        note:
          approvedFen === null
            ? `${claim.claimNumber}：拒赔（${reason}）`
            : `${claim.claimNumber}：核定 ${formatYuan(approvedFen)} 元`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: input.decision === 'approve' ? 'risk_claim.approved' : 'risk_claim.rejected',
        entityType: 'risk_claim',
        entityId: claim.id,
        before: { state: claim.state, version: claim.version },
        after: {
          state: updated.state,
          version: updated.version,
          ...(approvedFen === null ? { reason } : { approvedFen: approvedFen.toString() }),
        },
      },
      now,
    );
    return (await toRiskClaimViews(tx, [updated]))[0]!;
  });
}
