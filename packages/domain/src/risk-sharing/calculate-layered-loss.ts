import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import {
  WHOLE_BPS,
  type LoanLoss,
  type RiskLayer,
  type RiskRole,
  type RiskSharingAgreement,
} from './risk-sharing-agreement.ts';
import { assertRiskSharingAgreement } from './validate-risk-sharing-agreement.ts';

/** One role's part of a loss: what its share gave (`contractualFen`), what it bears after its cap (`borneFen`). */
export interface LayeredLossPart {
  readonly role: RiskRole;
  readonly party: string;
  /** The share before the cap (for the guarantor: before the re-guarantee takes its part). */
  readonly contractualFen: bigint;
  /** What the role finally bears. */
  readonly borneFen: bigint;
  /** Excess over the cap, passed on (to the bank; for the re-guarantor back to the guarantor). */
  readonly excessOverCapFen: bigint;
}

/** The split of one loan's loss; `parts` in the order guarantor, re_guarantor, insurer, evaluator, pool, bank. */
export interface LayeredLossAllocation {
  readonly agreementId: string;
  readonly lossBaseFen: bigint;
  readonly parts: readonly LayeredLossPart[];
}

/** 损失口径金额 (loss base): principal, or principal + interest, per the agreement's scheme. */
export function calculateLossBase(agreement: RiskSharingAgreement, loss: LoanLoss): bigint {
  if (loss.principalFen < 0n || loss.interestFen < 0n) throw new DomainError('RISK_LOSS_INVALID');
  return agreement.lossBase === 'principal' ? loss.principalFen : loss.principalFen + loss.interestFen;
}

/** Splits `baseFen` into `[share, rest]` at `shareBps` by largest remainder (ties to the sharing party). */
function splitShare(baseFen: bigint, shareBps: bigint): bigint {
  if (shareBps === 0n) return 0n;
  return allocateLargestRemainder(baseFen, [shareBps, WHOLE_BPS - shareBps])[0] ?? 0n;
}

function capped(contractualFen: bigint, layer: RiskLayer): bigint {
  return layer.capFen !== undefined && contractualFen > layer.capFen ? layer.capFen : contractualFen;
}

/**
 * 分层分险计算 (layered loss allocation): each party's borne amount in fen for one defaulted loan.
 * Formula, with L the loss base (principal, or principal + interest):
 * 1. first layer, one flat largest-remainder split of L by [guarantor, insurer, evaluator, bank] bps
 *    (bank = 10000 − the others), each capped: `Gᶜ = min(G, capG)`, `Iᶜ`, `Eᶜ`; excess stays with the bank;
 * 2. re-guarantee: `Rᶜ = min(split(Gᶜ, reGuaranteeBps), capR)`; the guarantor bears `Gᶜ − Rᶜ` (the re-guarantee is
 *    a layer under the guarantor, so an excess over its cap stays with the guarantor, who owes the bank in full);
 * 3. pool: the bank's retained loss `B = L − Gᶜ − Iᶜ − Eᶜ`; `Pᶜ = min(split(B, poolBps), capP)`; the bank bears `B − Pᶜ`.
 * Each split is by largest remainder, ties to the sharing party, so the parts add up to L to the fen.
 * Example: L 1,000,000, guarantor 80%, re-guarantee 50%, pool 50% → guarantor 400,000, re-guarantor 400,000,
 * pool 100,000, bank 100,000. Source: domain-reference.md "Risk sharing and compensation" (layered, 国办发〔2019〕6号
 * bank ≥ 20%, re-guarantee 20%–50%, IP pledge loans pool : bank 1 : 1, excess over a cap stays with the bank).
 * @throws DomainError VALIDATION_FAILED for an invalid agreement, RISK_LOSS_INVALID for a negative loss.
 */
export function calculateLayeredLoss(agreement: RiskSharingAgreement, loss: LoanLoss): LayeredLossAllocation {
  return allocateLayeredLossBase(agreement, calculateLossBase(agreement, loss));
}

/**
 * 分层分险（按损失口径金额） (layered allocation of a loss base already computed): the layers of
 * {@link calculateLayeredLoss} applied to `lossBaseFen` directly (used by the what-if projection, whose loss base
 * is a scenario amount).
 * @throws DomainError VALIDATION_FAILED for an invalid agreement, RISK_LOSS_INVALID for a negative base.
 */
export function allocateLayeredLossBase(
  agreement: RiskSharingAgreement,
  lossBaseFen: bigint,
): LayeredLossAllocation {
  assertRiskSharingAgreement(agreement);
  if (lossBaseFen < 0n) throw new DomainError('RISK_LOSS_INVALID');
  const { guarantor, reGuarantor, insurer, evaluator, pool } = agreement;

  const firstLayerBps = [guarantor?.shareBps ?? 0n, insurer?.shareBps ?? 0n, evaluator?.shareBps ?? 0n];
  const bankBps = WHOLE_BPS - firstLayerBps.reduce((a, b) => a + b, 0n);
  const [guarantorFen = 0n, insurerFen = 0n, evaluatorFen = 0n] = allocateLargestRemainder(lossBaseFen, [
    ...firstLayerBps,
    bankBps,
  ]);

  const parts: LayeredLossPart[] = [];
  let bankRetainedFen = lossBaseFen;
  if (guarantor !== undefined) {
    const guarantorCappedFen = capped(guarantorFen, guarantor);
    bankRetainedFen -= guarantorCappedFen;
    let reGuarantorFen = 0n;
    if (reGuarantor !== undefined) {
      const contractualFen = splitShare(guarantorCappedFen, reGuarantor.shareBps);
      reGuarantorFen = capped(contractualFen, reGuarantor);
      parts.push({
        role: 're_guarantor',
        party: reGuarantor.party,
        contractualFen,
        borneFen: reGuarantorFen,
        excessOverCapFen: contractualFen - reGuarantorFen,
      });
    }
    parts.unshift({
      role: 'guarantor',
      party: guarantor.party,
      contractualFen: guarantorFen,
      borneFen: guarantorCappedFen - reGuarantorFen,
      excessOverCapFen: guarantorFen - guarantorCappedFen,
    });
  }
  for (const [role, layer, contractualFen] of [
    ['insurer', insurer, insurerFen],
    ['evaluator', evaluator, evaluatorFen],
  ] as const) {
    if (layer === undefined) continue;
    const borneFen = capped(contractualFen, layer);
    bankRetainedFen -= borneFen;
    parts.push({
      role,
      party: layer.party,
      contractualFen,
      borneFen,
      excessOverCapFen: contractualFen - borneFen,
    });
  }
  if (pool !== undefined) {
    const contractualFen = splitShare(bankRetainedFen, pool.shareBps);
    const borneFen = capped(contractualFen, pool);
    bankRetainedFen -= borneFen;
    parts.push({
      role: 'pool',
      party: pool.party,
      contractualFen,
      borneFen,
      excessOverCapFen: contractualFen - borneFen,
    });
  }
  const bankContractualFen = lossBaseFen - guarantorFen - insurerFen - evaluatorFen;
  parts.push({
    role: 'bank',
    party: agreement.bankParty,
    contractualFen: bankContractualFen,
    borneFen: bankRetainedFen,
    excessOverCapFen: 0n,
  });

  return { agreementId: agreement.agreementId, lossBaseFen, parts };
}
