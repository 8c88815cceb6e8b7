import type { Grade } from './whitelist-feature-row.ts';

/**
 * 白名单规则 (the bureau's published whitelist rules, versioned data, issue 10 item 4): the least bank grade, IP
 * record thresholds, whether overdue enterprises are left out, and suggested credit bands (万元, whole numbers:
 * a published band, not an amount computed with) by grade and valuation score.
 */
export interface WhitelistRules {
  readonly version: string;
  /** ISO date from which the rules apply. */
  readonly effectiveFrom: string;
  readonly minGrade: Grade;
  readonly minValidInventionPatents: number;
  readonly minValuationScore: number;
  readonly excludeOverdue: boolean;
  readonly creditBands: readonly {
    readonly grade: Grade;
    readonly minScore: number;
    readonly bandWan: readonly [number, number];
  }[];
}

/** Rules v1 (demo and default): grade C or better, ≥ 1 valid invention patent, valuation score ≥ 60, no overdue. */
export const defaultWhitelistRules: WhitelistRules = {
  version: 'v1',
  effectiveFrom: '2026-01-01',
  minGrade: 'C',
  minValidInventionPatents: 1,
  minValuationScore: 60,
  excludeOverdue: true,
  creditBands: [
    { grade: 'A', minScore: 80, bandWan: [500, 1000] },
    { grade: 'A', minScore: 60, bandWan: [300, 600] },
    { grade: 'B', minScore: 80, bandWan: [300, 600] },
    { grade: 'B', minScore: 60, bandWan: [200, 400] },
    { grade: 'C', minScore: 80, bandWan: [200, 400] },
    { grade: 'C', minScore: 60, bandWan: [100, 200] },
  ],
};

/** IP record of an enterprise the bureau combines with a bank's grade (from the ledger and valuations). */
export interface WhitelistIpRecord {
  readonly enterpriseId: string;
  readonly valuationScore: number | null;
  readonly validInventionPatents: number;
  readonly patentGrowth3y: number;
  readonly overdueCount: number;
  /** Compliance flags that bar the whitelist (e.g. `abnormal_operation`, `dishonest_debtor`). */
  readonly complianceFlags?: readonly string[];
}

/** Why an enterprise is not on a bank's whitelist (codes; the UI names them). */
export const whitelistExclusionReasons = [
  'NO_GRADE',
  'GRADE_BELOW_MINIMUM',
  'TOO_FEW_INVENTION_PATENTS',
  'VALUATION_SCORE_MISSING',
  'VALUATION_SCORE_TOO_LOW',
  'OVERDUE',
  'COMPLIANCE_FLAG',
] as const;
export type WhitelistExclusionReason = (typeof whitelistExclusionReasons)[number];

/** One enterprise's line of a bank's whitelist. */
export interface WhitelistEntry {
  readonly enterpriseId: string;
  readonly grade: Grade | null;
  readonly included: boolean;
  readonly reasons: readonly WhitelistExclusionReason[];
  readonly suggestedCreditBand?: { readonly minWan: number; readonly maxWan: number };
}
