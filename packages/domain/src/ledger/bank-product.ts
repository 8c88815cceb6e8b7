import type { IpAssetKind } from '../ip-asset/index.ts';
import type { RepaymentMethod } from '../loan/index.ts';

/**
 * 组合模式 (combined models) of an IP pledge loan (issue 5 item 1): pledge only, plus a guarantee (the IP often
 * pledged to the guarantor as 反担保), plus insurance (保证保险), plus credit (信用 top-up).
 */
export const combinedModels = [
  { code: 'pledge_only', zh: '纯质押', en: 'Pledge only' },
  { code: 'plus_guarantee', zh: '质押+担保', en: 'Pledge plus guarantee' },
  { code: 'plus_insurance', zh: '质押+保险', en: 'Pledge plus insurance' },
  { code: 'plus_credit', zh: '质押+信用', en: 'Pledge plus credit' },
] as const;

/** 组合模式代码 (combined model code). */
export type CombinedModel = (typeof combinedModels)[number]['code'];

/** LPR 期限品种 (LPR tenor) the product's rate floats on. */
export type LprTenor = '1y' | '5y';

/** 审批权限档 (approval authority level): approvers of `level` or above decide amounts up to `maxAmountFen`. */
export interface ApprovalLevel {
  /** 1 = lowest (e.g. sub-branch); higher numbers carry more authority. */
  readonly level: number;
  readonly zh: string;
  readonly en: string;
  /** Inclusive upper bound of the amount this level may approve; null = no upper bound. */
  readonly maxAmountFen: bigint | null;
}

/**
 * 银行产品 (bank product), the source of the product handbook (issue 5 item 1). Every figure is configuration a
 * bank enters (domain-reference.md: *example* values are never constants in logic). Amounts in fen, terms in
 * months, spreads in basis points over the LPR, pledge-rate caps in basis points of the value the case uses
 * (2500 = 25 %).
 */
export interface BankProduct {
  readonly productId: string;
  readonly bankPartyId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly acceptedIpKinds: readonly IpAssetKind[];
  readonly minAmountFen: bigint;
  readonly maxAmountFen: bigint;
  readonly minTermMonths: number;
  readonly maxTermMonths: number;
  readonly lprTenor: LprTenor;
  readonly minSpreadBps: number;
  readonly maxSpreadBps: number;
  readonly repaymentMethods: readonly RepaymentMethod[];
  /** 最高质押率 per accepted kind, in basis points; a kind without a cap cannot be pledged under the product. */
  readonly maxPledgeRateBpsByKind: Readonly<Partial<Record<IpAssetKind, number>>>;
  readonly combinedModels: readonly CombinedModel[];
  /** Ascending by level and amount; the last level usually has `maxAmountFen: null`. */
  readonly approvalLevels: readonly ApprovalLevel[];
  /** 贷审会 (credit committee) decides amounts strictly above this; null = never. */
  readonly creditCommitteeThresholdFen: bigint | null;
  /** Whether disbursement waits for the registered pledge (质押登记后放款). */
  readonly disbursementRequiresRegistration: boolean;
  /** 内部评估 (internal evaluation instead of a formal report) allowed for loans up to this amount; null = never (2025 pilot rules). */
  readonly allowsInternalEvaluationUpToFen: bigint | null;
}
