import type { IsoDate } from '../calendar/iso-date.ts';
import type { IpAssetKind } from '../ip-asset/ip-asset-kind.ts';
import type { DistrictCode } from '../party/reference-data.ts';

/** 补贴费用类型 (subsidised cost kinds): 利息, 担保费, 保险费, 评估费, 服务费. */
export type SubsidyCostKind =
  'interest' | 'guarantee_fee' | 'insurance_premium' | 'evaluation_fee' | 'service_fee';

/** A line of a subsidy or reward: a cost kind (share of a cost paid) or an institution reward. */
export type SubsidyLineKind = SubsidyCostKind | 'loan_reward' | 'volume_reward';

/** 企业资质 (enterprise flags): 科技型中小企业, 国家高新技术企业, 规上企业, 专精特新, 首贷户. */
export type EnterpriseFlag =
  'tech_sme' | 'national_high_tech' | 'above_designated_size' | 'specialised_sme' | 'first_loan';

/** Who a scheme pays: the enterprise (贴息 贴费) or an institution (奖励). */
export type SubsidyBeneficiary = 'enterprise' | 'bank' | 'guarantor' | 'insurer' | 'evaluator';

/** 条款出处 (source of a clause): document and article; `isExample` marks example values not yet confirmed. */
export interface ClauseSource {
  readonly document: string;
  readonly article: string;
  readonly isExample: boolean;
}

/** 申请条件 (eligibility clause). Each names its source. */
export type EligibilityClause =
  | {
      readonly kind: 'district';
      readonly basis: 'registration' | 'tax';
      readonly districts: readonly DistrictCode[];
      readonly source: ClauseSource;
    }
  | { readonly kind: 'enterprise_flag'; readonly flag: EnterpriseFlag; readonly source: ClauseSource }
  /** Every pledged IP item must be of one of these kinds (e.g. patent-only). */
  | {
      readonly kind: 'pledged_ip_kinds';
      readonly allowedKinds: readonly IpAssetKind[];
      readonly source: ClauseSource;
    }
  | { readonly kind: 'max_loan_term'; readonly maxTermMonths: number; readonly source: ClauseSource }
  | { readonly kind: 'pledge_registered'; readonly source: ClauseSource }
  /** 备案: filed with the district no later than `withinDays` days after disbursement. */
  | { readonly kind: 'filed_with_district'; readonly withinDays: number; readonly source: ClauseSource }
  | { readonly kind: 'fully_repaid'; readonly source: ClauseSource }
  /** At most this many distinct subsidy years per firm under the scheme (e.g. ≤ 3 years). */
  | { readonly kind: 'max_subsidy_years'; readonly maxYears: number; readonly source: ClauseSource };

/** 补贴标准 (benefit clause): a share of a cost actually paid, or an institution reward. Rates are percent strings. */
export type BenefitClause =
  | {
      readonly kind: 'cost_share';
      readonly costKind: SubsidyCostKind;
      readonly ratePct: string;
      readonly firstLoanRatePct?: string;
      readonly source: ClauseSource;
    }
  /** A fixed reward per qualifying loan (e.g. a bank's reward per first loan 首贷). */
  | { readonly kind: 'loan_reward'; readonly amountFen: bigint; readonly source: ClauseSource }
  /** A reward on volume: a percentage of the loan principal. */
  | { readonly kind: 'volume_reward'; readonly ratePct: string; readonly source: ClauseSource };

/**
 * 费用计入上限 (counted-cost limit): the listed costs count only up to `pctOfPrincipal` of the loan principal
 * (e.g. 福田 fees counted up to 4% of principal), applied to the cost base before the rate.
 */
export interface CountedCostLimit {
  readonly costKinds: readonly SubsidyCostKind[];
  readonly pctOfPrincipal: string;
  readonly source: ClauseSource;
}

/** 补贴上限 (amount cap), applied after the rate in the order listed. */
export type AmountCap =
  | {
      readonly kind: 'per_line_per_year';
      readonly line: SubsidyLineKind;
      readonly capFen: bigint;
      readonly source: ClauseSource;
    }
  | { readonly kind: 'per_firm_per_year'; readonly capFen: bigint; readonly source: ClauseSource }
  | { readonly kind: 'per_firm_lifetime'; readonly capFen: bigint; readonly source: ClauseSource };

/** 兑付时点 (trigger): after full repayment, or once a year for the costs paid in that year. */
export type SubsidyTrigger =
  | { readonly kind: 'after_full_repayment'; readonly source: ClauseSource }
  | { readonly kind: 'per_year'; readonly source: ClauseSource };

/** 叠加规则 (stacking): schemes excluded for the same loan. Never more than 100% of a cost paid holds always. */
export interface StackingRule {
  readonly excludesSchemeIds: readonly string[];
  readonly source: ClauseSource;
}

/** 预算 (budget), first come first served; when short, grant the rest (`grant_partial`) or refuse. */
export interface SubsidyBudget {
  readonly totalFen: bigint | null;
  readonly whenShort: 'grant_partial' | 'refuse';
  readonly source: ClauseSource;
}

/**
 * 补贴政策 (subsidy or reward scheme) as versioned data: issuing body, effective period, source of every clause.
 * `schemeId` is stable across versions (caps over the scheme's life count every version).
 */
export interface SubsidyScheme {
  readonly schemeId: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly issuingBody: string;
  readonly effectiveFrom: IsoDate;
  /** Inclusive end; null while open-ended. */
  readonly effectiveTo: IsoDate | null;
  readonly source: ClauseSource;
  readonly beneficiary: SubsidyBeneficiary;
  readonly eligibility: readonly EligibilityClause[];
  readonly benefits: readonly BenefitClause[];
  readonly countedCostLimits: readonly CountedCostLimit[];
  readonly caps: readonly AmountCap[];
  readonly trigger: SubsidyTrigger;
  readonly stacking: StackingRule;
  readonly budget: SubsidyBudget;
}
