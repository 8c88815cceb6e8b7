import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import {
  calculateLayeredLoss,
  calculatePoolCompensation,
  transitionClaim,
  type ClaimStatus,
} from '@ipf/domain/risk-sharing';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  appendClaimTimelineEvent,
  getPayerClaimForUpdate,
  toRiskClaimViews,
  type RiskClaimRow,
  type RiskClaimView,
} from './risk-claim-view.ts';
import { fromStoredAgreement } from './risk-sharing-views.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';

export interface PayRiskClaimInput {
  readonly id: string;
  /** 付款凭证 (payment reference, e.g. the bank transfer number). */
  readonly reference: string;
  readonly expectedVersion?: number;
}

const { riskClaims, riskClaimPayments, riskPoolBudgets, riskPoolFilings, riskSharingAgreements } = tables;

/**
 * What a pool pays on an approved claim: the budget row of the payment year locked `FOR UPDATE`, the compensation
 * within what is left of it (`calculatePoolCompensation` on the bank's retained loss — the bank's and the pool's
 * parts of the layered split — at the filing's ratio), never more than approved; the used amount raised in the
 * same transaction. A budget used up is POOL_BUDGET_EXHAUSTED; a budget short of the claim pays part and the
 * rest stays with the bank as the shortfall.
 */
async function drawOnPoolBudget(
  tx: Transaction,
  claim: RiskClaimRow,
  approvedFen: bigint,
  year: number,
  now: Date,
): Promise<bigint> {
  const [agreementRow] = await tx
    .select()
    .from(riskSharingAgreements)
    .where(eq(riskSharingAgreements.id, claim.agreementId));
  const [filing] =
    claim.poolFilingId === null
      ? []
      : await tx.select().from(riskPoolFilings).where(eq(riskPoolFilings.id, claim.poolFilingId));
  if (agreementRow === undefined || filing === undefined) throw new DomainError('RISK_AGREEMENT_MISSING');
  const [budget] = await tx
    .select()
    .from(riskPoolBudgets)
    .where(and(eq(riskPoolBudgets.poolId, filing.poolId), eq(riskPoolBudgets.year, year)))
    .for('update');
  if (budget === undefined) throw new DomainError('POOL_BUDGET_NOT_SET', { year });

  const allocation = calculateLayeredLoss(fromStoredAgreement(agreementRow.agreement), {
    principalFen: claim.lossPrincipalFen,
    interestFen: claim.lossInterestFen,
  });
  const retainedFen = allocation.parts
    .filter((part) => part.role === 'bank' || part.role === 'pool')
    .reduce((sum, part) => sum + part.borneFen, 0n);
  const compensation = calculatePoolCompensation({
    bankRetainedLossFen: retainedFen,
    loanCategory: filing.loanCategory,
    ratios: [{ loanCategory: filing.loanCategory, ratioBps: BigInt(filing.ratioBps), source: 'filing' }],
    remainingBudgetFen: budget.budgetFen - budget.usedFen,
  });
  const payoutFen = compensation.payoutFen < approvedFen ? compensation.payoutFen : approvedFen;
  if (payoutFen === 0n) throw new DomainError('POOL_BUDGET_EXHAUSTED', { year });

  const [drawn] = await tx
    .update(riskPoolBudgets)
    .set({ usedFen: sql`${riskPoolBudgets.usedFen} + ${payoutFen}`, updatedAt: now })
    .where(
      and(
        eq(riskPoolBudgets.id, budget.id),
        sql`${riskPoolBudgets.usedFen} + ${payoutFen} <= ${riskPoolBudgets.budgetFen}`,
      ),
    )
    .returning({ id: riskPoolBudgets.id });
  if (drawn === undefined) throw new DomainError('POOL_BUDGET_EXHAUSTED', { year });
  await tx.update(riskPoolFilings).set({ state: 'claimed' }).where(eq(riskPoolFilings.id, filing.id));
  return payoutFen;
}

/**
 * 赔付 (pay an approved claim): the payer's user records the payment — the approved amount, or for a pool what its
 * budget of the payment year still allows (the rest is the shortfall the bank keeps). One payment per claim: the
 * claim row is locked and the payment is unique per claim, so of N simultaneous payments exactly one is made.
 * A paid 代偿 marks the guarantee `compensated`, a paid 保证保险 claim the policy `claimed`. The payment is on the
 * case timeline and in the audit trail. Source: issue 8 items 3, 6 ("payout within budget", "no double payment").
 */
export async function payRiskClaim(
  input: PayRiskClaimInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskClaimView> {
  authorize(actor, 'risk_claim.pay');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const year = Number(today.slice(0, 4));
  return runInTransaction(deps, async (tx) => {
    const claim = await getPayerClaimForUpdate(tx, input.id, actor);
    if (input.expectedVersion !== undefined && input.expectedVersion !== claim.version)
      throw new DomainError('CONFLICT');
    const next = transitionClaim(claim.state as ClaimStatus, 'pay');
    if (!next.ok) throw new DomainError(next.code, next.params);
    const approvedFen = claim.approvedFen ?? claim.claimedFen;
    const paidFen =
      claim.payerRole === 'pool' ? await drawOnPoolBudget(tx, claim, approvedFen, year, now) : approvedFen;

    try {
      await tx.insert(riskClaimPayments).values({
        id: randomUUID(),
        claimId: claim.id,
        amountFen: paidFen,
        paidDate: today,
        reference: input.reference.trim(),
        paidByUserId: actor.userId,
        createdAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'risk_claim_payments_claim_uq')) throw error;
      throw new DomainError('CLAIM_TRANSITION_NOT_ALLOWED', { from: 'paid', event: 'pay' }, { cause: error });
    }
    const [updated] = await tx
      .update(riskClaims)
      .set({
        state: next.state,
        shortfallFen: claim.claimedFen - paidFen,
        budgetYear: claim.payerRole === 'pool' ? year : claim.budgetYear,
        version: claim.version + 1,
        updatedAt: now,
      })
      .where(and(eq(riskClaims.id, claim.id), eq(riskClaims.version, claim.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');

    if (claim.payerRole === 'guarantor')
      await tx
        .update(tables.guarantees)
        .set({ state: 'compensated', updatedAt: now })
        .where(and(eq(tables.guarantees.caseId, claim.caseId), eq(tables.guarantees.state, 'active')));
    if (claim.payerRole === 'insurer')
      await tx
        .update(tables.insurancePolicies)
        .set({ state: 'claimed', updatedAt: now })
        .where(
          and(
            eq(tables.insurancePolicies.caseId, claim.caseId),
            eq(tables.insurancePolicies.kind, 'pledge_financing_guarantee'),
            eq(tables.insurancePolicies.state, 'active'),
          ),
        );

    const shortfall = claim.claimedFen - paidFen;
    await appendClaimTimelineEvent(
      tx,
      actor,
      {
        caseId: claim.caseId,
        action: 'pay_risk_claim',
        reasonCode: `${claim.payerRole}_claim`,
        note: `${claim.claimNumber}：已支付 ${formatYuan(paidFen)} 元（凭证 ${input.reference.trim()}）${
          shortfall > 0n ? `，未获补偿 ${formatYuan(shortfall)} 元由银行承担` : ''
        }`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_claim.paid',
        entityType: 'risk_claim',
        entityId: claim.id,
        before: { state: claim.state, version: claim.version },
        after: {
          state: updated.state,
          version: updated.version,
          paidFen: paidFen.toString(),
          shortfallFen: shortfall.toString(),
          reference: input.reference.trim(),
          ...(claim.payerRole === 'pool' ? { budgetYear: year } : {}),
        },
      },
      now,
    );
    return (await toRiskClaimViews(tx, [updated]))[0]!;
  });
}
