import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  calculateLayeredLoss,
  calculateLossBase,
  type RiskRole,
  type RiskSharingAgreement,
} from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';
import { findClaimLoanLoss } from './claim-loan-loss.ts';

/** What one party of a defaulted case bears now: role, organisation, amount in fen, its paid claim if any. */
export interface PartyBorne {
  readonly role: RiskRole;
  readonly party: string;
  readonly amountFen: bigint;
  readonly claimId: string | null;
}

/** The role each party holds in an agreement (the bank and every layer). */
export function rolesOfAgreement(agreement: RiskSharingAgreement): Map<string, RiskRole> {
  const roles = new Map<string, RiskRole>([[agreement.bankParty, 'bank']]);
  const layers = [
    ['guarantor', agreement.guarantor],
    ['re_guarantor', agreement.reGuarantor],
    ['insurer', agreement.insurer],
    ['evaluator', agreement.evaluator],
    ['pool', agreement.pool],
  ] as const;
  for (const [role, layer] of layers) if (layer !== undefined) roles.set(layer.party, role);
  return roles;
}

/**
 * 各方当前承担的损失 (each party's loss as it stands): with claims paid, the bank bears the loss base less what it
 * was paid, each payer what it paid less what it received from a layer under it (the guarantor less the
 * re-guarantee), everyone less the recoveries already shared back; without a paid claim, the layered split of the
 * loss by the agreement (`calculateLayeredLoss`). Parties bearing nothing are left out. The same basis as
 * `recordClaimRecovery`, so proceeds of a disposition go back pro rata to what each bore.
 */
export async function findPartiesBorne(
  tx: Executor,
  caseRow: { readonly id: string; readonly state: string },
  agreement: RiskSharingAgreement,
  asOfDate: string,
): Promise<PartyBorne[]> {
  const { riskClaims, riskClaimPayments, riskRecoveryShares } = tables;
  const roles = rolesOfAgreement(agreement);
  const paid = await tx
    .select({ claim: riskClaims, paidFen: riskClaimPayments.amountFen })
    .from(riskClaims)
    .innerJoin(riskClaimPayments, eq(riskClaimPayments.claimId, riskClaims.id))
    .where(and(eq(riskClaims.caseId, caseRow.id), inArray(riskClaims.state, ['paid', 'recovered'])))
    .orderBy(asc(riskClaims.createdAt));
  const borne = new Map<string, bigint>();
  const claimOf = new Map<string, string>();
  if (paid.length === 0) {
    const loss = await findClaimLoanLoss(tx, caseRow, asOfDate);
    for (const part of calculateLayeredLoss(agreement, loss).parts) borne.set(part.party, part.borneFen);
  } else {
    const first = paid[0]!.claim;
    borne.set(
      agreement.bankParty,
      calculateLossBase(agreement, {
        principalFen: first.lossPrincipalFen,
        interestFen: first.lossInterestFen,
      }),
    );
    for (const { claim, paidFen } of paid) {
      borne.set(claim.payerOrganisationId, (borne.get(claim.payerOrganisationId) ?? 0n) + paidFen);
      borne.set(claim.claimantOrganisationId, (borne.get(claim.claimantOrganisationId) ?? 0n) - paidFen);
      claimOf.set(claim.payerOrganisationId, claim.id);
    }
  }
  const already = await tx
    .select({ organisationId: riskRecoveryShares.organisationId, amountFen: riskRecoveryShares.amountFen })
    .from(riskRecoveryShares)
    .where(eq(riskRecoveryShares.caseId, caseRow.id));
  for (const part of already)
    borne.set(part.organisationId, (borne.get(part.organisationId) ?? 0n) - part.amountFen);
  return [...borne.entries()]
    .filter(([party, fen]) => fen > 0n && roles.has(party))
    .map(([party, amountFen]) => ({
      role: roles.get(party)!,
      party,
      amountFen,
      claimId: claimOf.get(party) ?? null,
    }));
}
