import { DomainError } from '../errors/domain-error.ts';
import { calculateLayeredLoss, type LayeredLossAllocation } from './calculate-layered-loss.ts';
import type { ClaimRole, LoanLoss, RiskRole, RiskSharingAgreement } from './risk-sharing-agreement.ts';

/** 理赔应付 (claim entitlement): who pays whom, in fen, for one claim on one loss. */
export interface ClaimEntitlement {
  readonly role: ClaimRole;
  readonly payerParty: string;
  readonly payeeParty: string;
  readonly amountFen: bigint;
}

/** A role's net position after the claims made so far: what it bears now, in fen. */
export interface RiskPosition {
  readonly role: RiskRole;
  readonly party: string;
  readonly borneFen: bigint;
}

function entitlementFrom(allocation: LayeredLossAllocation, role: ClaimRole): ClaimEntitlement {
  const part = allocation.parts.find((p) => p.role === role);
  if (part === undefined) throw new DomainError('RISK_CLAIM_ROLE_NOT_IN_AGREEMENT', { role });
  const bank = allocation.parts.find((p) => p.role === 'bank');
  const guarantor = allocation.parts.find((p) => p.role === 'guarantor');
  const reGuarantor = allocation.parts.find((p) => p.role === 're_guarantor');
  if (role === 're_guarantor') {
    return { role, payerParty: part.party, payeeParty: guarantor?.party ?? '', amountFen: part.borneFen };
  }
  // The guarantor compensates the bank in full (代偿) and then recovers the re-guarantee share itself.
  const amountFen = role === 'guarantor' ? part.borneFen + (reGuarantor?.borneFen ?? 0n) : part.borneFen;
  return { role, payerParty: part.party, payeeParty: bank?.party ?? '', amountFen };
}

/**
 * 理赔应付计算 (claim entitlement): what one claim pays, fixed by the agreement and the loss alone (never by which
 * claims were paid before), so the order of claims cannot change anyone's burden. Guarantor → bank: its capped
 * share `Gᶜ` (代偿); re-guarantor → guarantor: `Rᶜ`; insurer, evaluator, pool → bank: their capped parts.
 * Source: issue 8 item 4 "the order of claims cannot change the result"; layers per {@link calculateLayeredLoss}.
 * @throws DomainError RISK_CLAIM_ROLE_NOT_IN_AGREEMENT when the agreement has no such role.
 */
export function calculateClaimEntitlement(
  agreement: RiskSharingAgreement,
  loss: LoanLoss,
  role: ClaimRole,
): ClaimEntitlement {
  return entitlementFrom(calculateLayeredLoss(agreement, loss), role);
}

/**
 * 按任意顺序理赔 (settle claims in any order): starts with the bank bearing the whole loss base and applies each
 * claim of `claimOrder` as a transfer `payer += amount, payee −= amount`. Because every entitlement comes from
 * the agreement fixed at origination, transfers commute: any permutation of the same claims ends in the same
 * positions, and after all claims they equal {@link calculateLayeredLoss}. A role claimed twice is refused
 * (no double payment of the same loss). Example: claims [pool, guarantor] and [guarantor, pool] both leave the
 * bank 100,000 of a 1,000,000 loss under guarantor 80% / pool 50%.
 * @throws DomainError RISK_CLAIM_DUPLICATE, RISK_CLAIM_ROLE_NOT_IN_AGREEMENT.
 */
export function settleClaimsInOrder(
  agreement: RiskSharingAgreement,
  loss: LoanLoss,
  claimOrder: readonly ClaimRole[],
): RiskPosition[] {
  const allocation = calculateLayeredLoss(agreement, loss);
  const borne = new Map<string, bigint>(allocation.parts.map((part) => [part.party, 0n]));
  borne.set(agreement.bankParty, allocation.lossBaseFen);

  const claimed = new Set<ClaimRole>();
  for (const role of claimOrder) {
    if (claimed.has(role)) throw new DomainError('RISK_CLAIM_DUPLICATE', { role });
    claimed.add(role);
    const entitlement = entitlementFrom(allocation, role);
    borne.set(entitlement.payerParty, (borne.get(entitlement.payerParty) ?? 0n) + entitlement.amountFen);
    borne.set(entitlement.payeeParty, (borne.get(entitlement.payeeParty) ?? 0n) - entitlement.amountFen);
  }

  return allocation.parts.map((part) => ({
    role: part.role,
    party: part.party,
    borneFen: borne.get(part.party) ?? 0n,
  }));
}
