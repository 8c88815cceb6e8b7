/**
 * 估值输入 (the inputs of a valuation) as entered on the wire: yuan and percent decimal strings, kept verbatim in
 * `valuations.inputs` so that every figure can be recomputed from them by hand.
 */
export interface IncomeApproachInput {
  /** 收入预测 per year; its length is the remaining economic life in years. */
  readonly revenueForecastYuan: readonly string[];
  readonly royaltyRatePct: string;
  readonly attributionPct: string;
  readonly taxRatePct: string;
  /** 折现率（累加法）: risk-free rate plus the premia. */
  readonly riskFreeRatePct: string;
  readonly riskPremia: readonly { readonly name: string; readonly ratePct: string }[];
  readonly timing?: 'endOfYear' | 'midYear';
}

export interface MarketComparableInput {
  readonly comparableId: string;
  readonly kind: 'trade' | 'licence';
  readonly priceYuan: string;
  /** Adjustment factors in percent (105 = the subject is 5 % better). */
  readonly timeFactorPct?: string;
  readonly sizeFactorPct?: string;
  readonly technologyFactorPct?: string;
  readonly termsFactorPct?: string;
  readonly weight?: number;
}

export interface CostApproachInput {
  readonly reproductionCostYuan: string;
  readonly physicalObsolescencePct: string;
  readonly functionalObsolescencePct: string;
  readonly economicObsolescencePct: string;
}

export interface ValuationAssetInput {
  readonly assetId: string;
  readonly income?: IncomeApproachInput;
  readonly market?: { readonly comparables: readonly MarketComparableInput[] };
  readonly cost?: CostApproachInput;
  readonly weightsBps: { readonly income: number; readonly market: number; readonly cost: number };
  readonly indicatorEntries?: readonly {
    readonly indicator: string;
    readonly value: number;
    readonly evidence: string;
  }[];
  readonly facts?: {
    readonly familySize?: number;
    readonly claimsCount?: number;
    readonly claimKinds?: number;
    readonly forwardCitations?: number;
    readonly annualRevenueYuan?: string;
    readonly priorFinancingCount?: number;
    readonly litigation?: number;
  };
  readonly licences?: readonly { readonly licenceId: string; readonly valueYuan: string }[];
}

/** 可比交易 as the valuation's detail and report show it: the trade record behind a comparable. */
export interface ComparableTradeView {
  readonly tradeId: string;
  readonly assetNumber: string;
  readonly assetTitle: string;
  readonly tradeDate: string;
  /** `sale` | `exclusive_licence` | `non_exclusive_licence`. */
  readonly tradeKind: string;
  readonly source: string;
}

/** One asset's figures as stored and shown (strings only). */
export interface ValuationAssetResult {
  readonly assetId: string;
  readonly number: string;
  readonly title: string;
  readonly kind: string;
  readonly standaloneValueYuan: string;
  readonly valueYuan: string;
  readonly lowYuan: string;
  readonly highYuan: string;
  readonly approaches: {
    readonly approach: string;
    readonly weightBps: number;
    readonly valueYuan: string;
  }[];
  readonly income?: {
    readonly discountRatePct: string;
    readonly timing: string;
    readonly remainingLifeYears: number;
    readonly years: {
      readonly year: number;
      readonly revenueYuan: string;
      readonly afterTaxRoyaltyYuan: string;
      readonly presentValueYuan: string;
    }[];
  };
  readonly market?: {
    readonly comparables: {
      readonly comparableId: string;
      readonly adjustedPriceYuan: string;
      readonly weight: number;
      /** Shown on the detail (from the inputs and the trade record); not stored in `results`. */
      readonly kind?: string;
      readonly priceYuan?: string;
      /** Adjustment factors in percent as entered; null where none was entered (100 %). */
      readonly factors?: {
        readonly time: string | null;
        readonly size: string | null;
        readonly technology: string | null;
        readonly terms: string | null;
      };
      /** The completed trade the comparable is (`ip_trades`), when its id is one. */
      readonly trade?: ComparableTradeView | null;
    }[];
  };
  readonly score?: {
    readonly scenario: string;
    readonly weightTableVersion: string;
    readonly overallScore: string;
    readonly dimensions: { readonly dimension: string; readonly weightBps: number; readonly score: string }[];
    readonly indicators: {
      readonly indicator: string;
      readonly dimension: string;
      readonly group: string;
      readonly zh: string;
      readonly value: string;
      readonly weightInDimensionBps: number;
      readonly overallWeightPct: string;
      readonly contribution: string;
      readonly source: string;
      readonly evidence?: string;
    }[];
  };
  readonly sensitivity?: {
    readonly discountRatesPct: string[];
    readonly royaltyRatesPct: string[];
    readonly valuesYuan: string[][];
    readonly baseValueYuan: string;
  };
}

export type ValuationKind = 'pre_assessment' | 'internal_evaluation' | 'formal_report';

export interface ValuationSummaryView {
  readonly id: string;
  readonly number: string;
  readonly kind: ValuationKind;
  readonly scenario: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly enterprise: { readonly id: string; readonly name: string };
  readonly valuationDate: string;
  readonly validUntil: string;
  readonly valid: boolean;
  readonly method: string;
  readonly valueYuan: string;
  readonly pledgeValueYuan: string;
  readonly maxLoanYuan: string;
  readonly assets: { readonly assetId: string; readonly number: string; readonly valueYuan: string }[];
  readonly createdAt: string;
}

export interface ValuationView extends ValuationSummaryView {
  readonly evaluationFirmName: string | null;
  readonly reportNumber: string | null;
  readonly signedOn: string | null;
  readonly valuers: { readonly name: string; readonly certificateNumber: string }[];
  readonly lowYuan: string;
  readonly highYuan: string;
  readonly licencesYuan: string;
  readonly pledgeRatioPct: string;
  readonly maxPledgeRatePct: string;
  readonly rangeBasis: string;
  readonly assetResults: ValuationAssetResult[];
  readonly inputs: unknown;
  readonly note: string | null;
}
