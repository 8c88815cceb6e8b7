import type { IsoDate } from '../calendar/iso-date.ts';

/** 分险角色 (risk-sharing roles) in a layered agreement. */
export type RiskRole = 'bank' | 'guarantor' | 're_guarantor' | 'insurer' | 'evaluator' | 'pool';

/** The roles from which a loss can be claimed (every role but the bank, which bears what is left). */
export type ClaimRole = Exclude<RiskRole, 'bank'>;

/** Every claimable role in the canonical order of results (guarantor first, pool last). */
export const CLAIM_ROLES: readonly ClaimRole[] = [
  'guarantor',
  're_guarantor',
  'insurer',
  'evaluator',
  'pool',
];

/**
 * 损失口径 (loss base): outstanding principal, or principal and interest; a setting per scheme
 * (domain-reference.md "The loss base is usually outstanding principal (some schemes add interest)").
 */
export type LossBase = 'principal' | 'principal_and_interest';

/** One layer of an agreement: who, what share of its base in basis points (10000 = 100%), an optional cap in fen. */
export interface RiskLayer {
  readonly party: string;
  readonly shareBps: bigint;
  /** 分担上限 (cap): the most this party bears for one loan; any excess stays with the bank. */
  readonly capFen?: bigint;
}

/**
 * 分层分险协议 (layered risk-sharing agreement), fixed at origination. Layers, as domain-reference.md "Risk sharing
 * and compensation" describes them:
 * - `guarantor`, `insurer`, `evaluator`: each a share of the loss base (the bank's loss);
 * - `reGuarantor`: a share (20%–50%) of what the guarantor bears (city re-guarantee fund);
 * - `pool`: a share of the loss the bank retains after the guarantor, insurer and evaluator (IP pledge loans
 *   pool : bank = 1 : 1 → 5000 bps).
 * The bank bears whatever is left, including every amount above a party's cap.
 */
export interface RiskSharingAgreement {
  readonly agreementId: string;
  /** The day the agreement was fixed (loan origination); later changes to scheme defaults do not touch it. */
  readonly fixedOn: IsoDate;
  readonly lossBase: LossBase;
  readonly bankParty: string;
  readonly guarantor?: RiskLayer;
  readonly reGuarantor?: RiskLayer;
  readonly insurer?: RiskLayer;
  readonly evaluator?: RiskLayer;
  readonly pool?: RiskLayer;
}

/** A loan's loss at default: outstanding principal and unpaid interest, in fen. */
export interface LoanLoss {
  readonly principalFen: bigint;
  readonly interestFen: bigint;
}

/** 100% in basis points. */
export const WHOLE_BPS = 10_000n;

/** 银行最低分险比例 (bank's minimum share in bank–guarantor sharing): 20% — 国办发〔2019〕6号. */
export const MIN_BANK_SHARE_BPS = 2_000n;

/** 再担保分担比例 (re-guarantee fund's share of the guarantor's part): 20%–50% (domain-reference.md, city fund). */
export const RE_GUARANTEE_SHARE_RANGE_BPS = { minBps: 2_000n, maxBps: 5_000n } as const;

/** The layer of a claimable role, if the agreement has one. */
export function getRiskLayer(agreement: RiskSharingAgreement, role: ClaimRole): RiskLayer | undefined {
  switch (role) {
    case 'guarantor':
      return agreement.guarantor;
    case 're_guarantor':
      return agreement.reGuarantor;
    case 'insurer':
      return agreement.insurer;
    case 'evaluator':
      return agreement.evaluator;
    case 'pool':
      return agreement.pool;
  }
}
