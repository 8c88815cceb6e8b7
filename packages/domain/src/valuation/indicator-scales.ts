import type { LicenceKind } from '../ip-asset/ip-asset-kind.ts';

/**
 * 指标量化规则 (indicator scales): how the platform turns an asset's data into a 0–100 indicator value. Every
 * scale returns a whole number so that the exact scorer and the batch fast path agree to the last digit; only
 * the remaining economic life is a ratio (`100 × remainingDays / termDays`, kept exact). The bands are this
 * platform's calibration of the GB/T 42748-2023 appendix A rating levels (高/较高/一般/较低/低) and are
 * deliberately simple so that a reviewer can recompute them by hand.
 */

/** 有效性状态: 0 not in force, 1 in force with fees paid, 2 in force with the annual fee due (grace period). */
export type ValidityState = 0 | 1 | 2;
/** 无效经历: 0 none, 1 upheld after an invalidation request, 2 partly invalidated, 3 invalidation pending. */
export type InvalidationState = 0 | 1 | 2 | 3;
/** 权利要求类型: 0 unknown, 1 method only, 2 product only, 3 product and method. */
export type ClaimKinds = 0 | 1 | 2 | 3;
/** 诉讼仲裁: 0 none, 1 won an infringement or validity case, 2 pending, 3 ownership disputed or court-preserved. */
export type LitigationState = 0 | 1 | 2 | 3;

export const indicatorScales = {
  /** 有效性: in force and paid 100; annual fee due (six-month grace, 专利法实施细则 art. 98) 50; not in force 0. */
  validity: (state: ValidityState): number => (state === 1 ? 100 : state === 2 ? 50 : 0),
  /** 复审无效经历: upheld 100 (stability proven), none 70, partly invalidated 50, pending 30. */
  reexamInvalidationHistory: (state: InvalidationState): number => [70, 100, 50, 30][state]!,
  /** 同族专利: `min(100, 20 + 20 × familySize)`; a single Chinese filing (family 1) scores 40. */
  patentFamily: (familySize: number): number => Math.min(100, 20 + 20 * Math.max(1, familySize)),
  /** 权利要求合理性 (proxy: layered claims): `min(100, 30 + 7 × claimsCount)`; 10 claims or more score 100. */
  claimReasonableness: (claimsCount: number): number => Math.min(100, 30 + 7 * claimsCount),
  /** 权利要求类型: product and method 100, product 80, method 60. */
  claimType: (kinds: ClaimKinds): number => [50, 60, 80, 100][kinds]!,
  /** 被引证次数: `min(100, 20 + 10 × forwardCitations)`. */
  citations: (forwardCitations: number): number => Math.min(100, 20 + 10 * forwardCitations),
  /** 应用领域数量: `min(100, 40 × distinct IPC subclasses)`. */
  fieldCount: (ipcSubclassCount: number): number => Math.min(100, 40 * Math.max(1, ipcSubclassCount)),
  /** 销售收入 (annual revenue of products using the patent, in yuan bands): 0; <1 m 30; <10 m 60; <50 m 80; else 100. */
  salesRevenue: (annualRevenueFen: number): number =>
    annualRevenueFen <= 0
      ? 0
      : annualRevenueFen < 100_000_000
        ? 30
        : annualRevenueFen < 1_000_000_000
          ? 60
          : annualRevenueFen < 5_000_000_000
            ? 80
            : 100,
  /** 转让许可情况: 20 + 20 per ordinary, 30 per sole, 40 per exclusive licence, at most 100. */
  transferLicenceHistory: (licencePoints: number): number => Math.min(100, 20 + licencePoints),
  /** 质押融资保险情况: none 40, once 70, twice or more 100 (a lender has accepted the asset before). */
  financingInsuranceHistory: (financingCount: number): number =>
    financingCount <= 0 ? 40 : financingCount === 1 ? 70 : 100,
  /** 诉讼仲裁: won 100, none 70, pending 30, ownership disputed or court-preserved 0. */
  litigationArbitration: (state: LitigationState): number => [70, 100, 30, 0][state]!,
} as const;

/** Licence points for `transferLicenceHistory`: ordinary 20, sole 30, exclusive 40 each. */
export function licencePointsOf(kind: LicenceKind): number {
  return kind === 'exclusive' ? 40 : kind === 'sole' ? 30 : 20;
}
