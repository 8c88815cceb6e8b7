import type {
  ApprovalLevel,
  BankProduct,
  CombinedModel,
  CreditCommitteeRules,
  LprTenor,
} from '@ipf/domain/ledger';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import type { RepaymentMethod } from '@ipf/domain/loan';
import { formatYuan } from '@ipf/domain/money';
import type { tables } from '@ipf/db';

export type BankProductRow = typeof tables.bankProducts.$inferSelect;

/** 默认贷审会议事规则: quorum 2/3 of members, approval by 2/3 of those present (*example*, per bank). */
export const defaultCommitteeRules: CreditCommitteeRules = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  approvalNumerator: 2,
  approvalDenominator: 3,
};

/** The domain's product from its row (the one place fen strings in jsonb become bigint). */
export function toBankProduct(row: BankProductRow): BankProduct {
  return {
    productId: row.id,
    bankPartyId: row.bankId,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    acceptedIpKinds: row.acceptedIpKinds as IpAssetKind[],
    minAmountFen: row.minAmountFen,
    maxAmountFen: row.maxAmountFen,
    minTermMonths: row.minTermMonths,
    maxTermMonths: row.maxTermMonths,
    lprTenor: row.lprTenor as LprTenor,
    minSpreadBps: row.minSpreadBps,
    maxSpreadBps: row.maxSpreadBps,
    repaymentMethods: row.repaymentMethods as RepaymentMethod[],
    maxPledgeRateBpsByKind: row.maxPledgeRateBpsByKind,
    combinedModels: row.combinedModels as CombinedModel[],
    approvalLevels: row.approvalLevels.map((l): ApprovalLevel => ({
      level: l.level,
      zh: l.zh,
      en: l.en,
      maxAmountFen: l.maxAmountFen === null ? null : BigInt(l.maxAmountFen),
    })),
    creditCommitteeThresholdFen: row.creditCommitteeThresholdFen,
    disbursementRequiresRegistration: row.disbursementRequiresRegistration,
    allowsInternalEvaluationUpToFen: row.allowsInternalEvaluationUpToFen,
  };
}

/** The product's columns from the domain's product (for inserts). */
export function toBankProductColumns(product: Omit<BankProduct, 'productId' | 'bankPartyId'>) {
  return {
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    acceptedIpKinds: [...product.acceptedIpKinds],
    minAmountFen: product.minAmountFen,
    maxAmountFen: product.maxAmountFen,
    minTermMonths: product.minTermMonths,
    maxTermMonths: product.maxTermMonths,
    lprTenor: product.lprTenor,
    minSpreadBps: product.minSpreadBps,
    maxSpreadBps: product.maxSpreadBps,
    repaymentMethods: [...product.repaymentMethods],
    maxPledgeRateBpsByKind: { ...product.maxPledgeRateBpsByKind } as Record<string, number>,
    combinedModels: [...product.combinedModels],
    approvalLevels: product.approvalLevels.map((l) => ({
      level: l.level,
      zh: l.zh,
      en: l.en,
      maxAmountFen: l.maxAmountFen === null ? null : l.maxAmountFen.toString(),
    })),
    creditCommitteeThresholdFen: product.creditCommitteeThresholdFen,
    disbursementRequiresRegistration: product.disbursementRequiresRegistration,
    allowsInternalEvaluationUpToFen: product.allowsInternalEvaluationUpToFen,
  };
}

/** 产品 on the wire: money as yuan strings. */
export interface BankProductView {
  readonly id: string;
  readonly bankId: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly acceptedIpKinds: string[];
  readonly minAmountYuan: string;
  readonly maxAmountYuan: string;
  readonly minTermMonths: number;
  readonly maxTermMonths: number;
  readonly lprTenor: string;
  readonly minSpreadBps: number;
  readonly maxSpreadBps: number;
  readonly repaymentMethods: string[];
  readonly maxPledgeRateBpsByKind: Record<string, number>;
  readonly combinedModels: string[];
  readonly approvalLevels: { level: number; zh: string; en: string; maxAmountYuan: string | null }[];
  readonly creditCommitteeThresholdYuan: string | null;
  readonly disbursementRequiresRegistration: boolean;
  readonly allowsInternalEvaluationUpToYuan: string | null;
  /** Which scorecard (and version) risk evaluations under the product use; its rules stay with the bank. */
  readonly riskScorecardId: string;
  readonly riskScorecardVersion: number;
  /** Which due-diligence checklist (and version) the product's cases complete; given where the view loads it. */
  readonly dueDiligenceChecklistId?: string;
  readonly dueDiligenceChecklistVersion?: number;
}

export function toBankProductView(row: BankProductRow): BankProductView {
  const yuanOrNull = (fen: bigint | null) => (fen === null ? null : formatYuan(fen));
  return {
    id: row.id,
    bankId: row.bankId,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    acceptedIpKinds: row.acceptedIpKinds,
    minAmountYuan: formatYuan(row.minAmountFen),
    maxAmountYuan: formatYuan(row.maxAmountFen),
    minTermMonths: row.minTermMonths,
    maxTermMonths: row.maxTermMonths,
    lprTenor: row.lprTenor,
    minSpreadBps: row.minSpreadBps,
    maxSpreadBps: row.maxSpreadBps,
    repaymentMethods: row.repaymentMethods,
    maxPledgeRateBpsByKind: row.maxPledgeRateBpsByKind,
    combinedModels: row.combinedModels,
    approvalLevels: row.approvalLevels.map((l) => ({
      level: l.level,
      zh: l.zh,
      en: l.en,
      maxAmountYuan: l.maxAmountFen === null ? null : formatYuan(BigInt(l.maxAmountFen)),
    })),
    creditCommitteeThresholdYuan: yuanOrNull(row.creditCommitteeThresholdFen),
    disbursementRequiresRegistration: row.disbursementRequiresRegistration,
    allowsInternalEvaluationUpToYuan: yuanOrNull(row.allowsInternalEvaluationUpToFen),
    riskScorecardId: row.riskScorecard.scorecardId,
    riskScorecardVersion: row.riskScorecard.version,
  };
}

/** 总行 (head office) of a bank unit: the first id of its materialised path `/hq/branch/…/`. */
export function headOfficeIdOf(path: string): string {
  return path.split('/').filter((s) => s !== '')[0] ?? '';
}
