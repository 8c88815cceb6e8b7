import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** 估值类型: 自动预评估 (AVM), 银行内部评估, 正式评估报告. */
export const valuationKinds = ['pre_assessment', 'internal_evaluation', 'formal_report'] as const;
export const ValuationKind = Type.Union([
  Type.Literal('pre_assessment'),
  Type.Literal('internal_evaluation'),
  Type.Literal('formal_report'),
]);
export const ValuationScenarioCode = literals([
  'financing',
  'licensing',
  'financial_reporting',
  'infringement',
  'management',
] as const);

/** A percent as a decimal string: `"5"`, `"12.5"`, `"105"` (for adjustment factors). */
export const PercentString = Type.String({
  pattern: '^\\d{1,4}(\\.\\d{1,6})?$',
  description: 'Percent, e.g. "12.5"',
  examples: ['12.5'],
});

/** 收益法（节省许可费法）inputs: revenue forecast per year (its length is the remaining economic life). */
export const IncomeApproachInput = Type.Object(
  {
    revenueForecastYuan: Type.Array(YuanString, { minItems: 1, maxItems: 30 }),
    royaltyRatePct: PercentString,
    attributionPct: PercentString,
    taxRatePct: PercentString,
    /** 折现率（累加法）: risk-free rate plus the risk premia. */
    riskFreeRatePct: PercentString,
    riskPremia: Type.Array(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 50 }), ratePct: PercentString },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    timing: Type.Optional(literals(['endOfYear', 'midYear'] as const)),
  },
  { additionalProperties: false },
);
export type IncomeApproachInput = Static<typeof IncomeApproachInput>;

/** 市场法 inputs: comparables with adjustment factors (percent: 105 = the subject is 5 % better). */
export const MarketApproachInput = Type.Object(
  {
    comparables: Type.Array(
      Type.Object(
        {
          comparableId: Type.String({ minLength: 1, maxLength: 100 }),
          kind: literals(['trade', 'licence'] as const),
          priceYuan: YuanString,
          timeFactorPct: Type.Optional(PercentString),
          sizeFactorPct: Type.Optional(PercentString),
          technologyFactorPct: Type.Optional(PercentString),
          termsFactorPct: Type.Optional(PercentString),
          weight: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type MarketApproachInput = Static<typeof MarketApproachInput>;

/** 成本法 inputs: reproduction cost less physical, functional and economic obsolescence. */
export const CostApproachInput = Type.Object(
  {
    reproductionCostYuan: YuanString,
    physicalObsolescencePct: PercentString,
    functionalObsolescencePct: PercentString,
    economicObsolescencePct: PercentString,
  },
  { additionalProperties: false },
);
export type CostApproachInput = Static<typeof CostApproachInput>;

/** One asset of a valuation: the approaches' inputs and weights, indicator entries and supplementary facts. */
export const ValuationAssetInput = Type.Object(
  {
    assetId: Uuid,
    income: Type.Optional(IncomeApproachInput),
    market: Type.Optional(MarketApproachInput),
    cost: Type.Optional(CostApproachInput),
    weightsBps: Type.Object(
      {
        income: Type.Integer({ minimum: 0, maximum: 10000 }),
        market: Type.Integer({ minimum: 0, maximum: 10000 }),
        cost: Type.Integer({ minimum: 0, maximum: 10000 }),
      },
      { additionalProperties: false },
    ),
    /** 评估人员录入的指标 with evidence (invention and utility-model patents). */
    indicatorEntries: Type.Optional(
      Type.Array(
        Type.Object(
          {
            indicator: Type.String({ minLength: 1, maxLength: 50 }),
            value: Type.Integer({ minimum: 0, maximum: 100 }),
            evidence: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 27 },
      ),
    ),
    /** 补充著录事实 the registry does not hold (family, claims, citations, revenue …). */
    facts: Type.Optional(
      Type.Object(
        {
          familySize: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
          claimsCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
          claimKinds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
          forwardCitations: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
          annualRevenueYuan: Type.Optional(YuanString),
          priorFinancingCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          litigation: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** 许可收益: a bundled licence listed under each asset it covers is counted once in the portfolio. */
    licences: Type.Optional(
      Type.Array(
        Type.Object(
          { licenceId: Type.String({ minLength: 1, maxLength: 100 }), valueYuan: YuanString },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ValuationAssetInput = Static<typeof ValuationAssetInput>;

export const ValuerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    certificateNumber: Type.String({ minLength: 1, maxLength: 50 }),
  },
  { additionalProperties: false },
);

/** 新建估值. */
export const CreateValuationBody = Type.Object(
  {
    kind: ValuationKind,
    scenario: Type.Optional(ValuationScenarioCode),
    /** The owner enterprise; default the first owner on the platform of the first asset. */
    enterpriseId: Type.Optional(Uuid),
    valuationDate: IsoDate,
    validUntil: IsoDate,
    assets: Type.Array(ValuationAssetInput, { minItems: 1, maxItems: 50 }),
    /** 质押价值 = value × pledge ratio (e.g. 100 or a haircut such as 80). */
    pledgeRatioPct: PercentString,
    /** The loan product's maximum pledge rate (建议最高贷款额 = pledge value × this). */
    maxPledgeRatePct: PercentString,
    /** ± band of the range; without it the range spans the approaches' min and max. */
    rangeBandPct: Type.Optional(PercentString),
    reportNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    signedOn: Type.Optional(IsoDate),
    valuers: Type.Optional(Type.Array(ValuerInput, { maxItems: 10 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        kind: 'formal_report',
        valuationDate: '2026-02-20',
        validUntil: '2027-02-19',
        assets: [
          {
            assetId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
            income: {
              revenueForecastYuan: ['1000000.00', '1200000.00', '1400000.00'],
              royaltyRatePct: '5',
              attributionPct: '100',
              taxRatePct: '25',
              riskFreeRatePct: '2.5',
              riskPremia: [{ name: '技术风险', ratePct: '9.5' }],
            },
            weightsBps: { income: 10000, market: 0, cost: 0 },
          },
        ],
        pledgeRatioPct: '100',
        maxPledgeRatePct: '50',
        reportNumber: '中衡评报字〔2026〕第018号',
        signedOn: '2026-02-25',
        valuers: [
          { name: '王评估', certificateNumber: '44000123' },
          { name: '李评估', certificateNumber: '44000456' },
        ],
      },
    ],
  },
);
export type CreateValuationBody = Static<typeof CreateValuationBody>;

const IndicatorContributionView = Type.Object({
  indicator: Type.String(),
  dimension: Type.String(),
  group: Type.String(),
  zh: Type.String(),
  value: Type.String(),
  weightInDimensionBps: Type.Integer(),
  overallWeightPct: Type.String(),
  contribution: Type.String(),
  source: Type.String(),
  evidence: Type.Optional(Type.String()),
});

/** 指标评分 (GB/T 42748-2023): dimension scores and every indicator's contribution. */
export const PatentScoreView = Type.Object({
  scenario: Type.String(),
  weightTableVersion: Type.String(),
  overallScore: Type.String(),
  dimensions: Type.Array(
    Type.Object({ dimension: Type.String(), weightBps: Type.Integer(), score: Type.String() }),
  ),
  indicators: Type.Array(IndicatorContributionView),
});

export const ValuationAssetResult = Type.Object({
  assetId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  /** Reconciled value of the asset alone (before licence shares). */
  standaloneValueYuan: YuanString,
  /** With its share of bundled licences (the portfolio's per-asset value). */
  valueYuan: YuanString,
  lowYuan: YuanString,
  highYuan: YuanString,
  approaches: Type.Array(
    Type.Object({ approach: Type.String(), weightBps: Type.Integer(), valueYuan: YuanString }),
  ),
  income: Type.Optional(
    Type.Object({
      discountRatePct: Type.String(),
      timing: Type.String(),
      remainingLifeYears: Type.Integer(),
      years: Type.Array(
        Type.Object({
          year: Type.Integer(),
          revenueYuan: YuanString,
          afterTaxRoyaltyYuan: YuanString,
          presentValueYuan: YuanString,
        }),
      ),
    }),
  ),
  market: Type.Optional(
    Type.Object({
      comparables: Type.Array(
        Type.Object({
          comparableId: Type.String(),
          adjustedPriceYuan: YuanString,
          weight: Type.Integer(),
          kind: Type.Optional(Type.String()),
          priceYuan: Type.Optional(YuanString),
          /** Adjustment factors in percent as entered; null: none entered (100 %). */
          factors: Type.Optional(
            Type.Object({
              time: Type.Union([Type.String(), Type.Null()]),
              size: Type.Union([Type.String(), Type.Null()]),
              technology: Type.Union([Type.String(), Type.Null()]),
              terms: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          /** The completed trade behind the comparable (chosen from the asset's trade comparables). */
          trade: Type.Optional(
            Type.Union([
              Type.Object({
                tradeId: Type.String(),
                assetNumber: Type.String(),
                assetTitle: Type.String(),
                tradeDate: IsoDate,
                tradeKind: Type.String(),
                source: Type.String(),
              }),
              Type.Null(),
            ]),
          ),
        }),
      ),
    }),
  ),
  score: Type.Optional(PatentScoreView),
  sensitivity: Type.Optional(
    Type.Object({
      discountRatesPct: Type.Array(Type.String()),
      royaltyRatesPct: Type.Array(Type.String()),
      valuesYuan: Type.Array(Type.Array(YuanString)),
      baseValueYuan: YuanString,
    }),
  ),
});
export type ValuationAssetResult = Static<typeof ValuationAssetResult>;

const NamedRef = Type.Object({ id: Type.String(), name: Type.String() });

export const ValuationSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: ValuationKind,
  scenario: Type.String(),
  organisation: NamedRef,
  enterprise: NamedRef,
  valuationDate: IsoDate,
  validUntil: IsoDate,
  /** Still valid on today (Asia/Shanghai). */
  valid: Type.Boolean(),
  method: Type.String(),
  valueYuan: YuanString,
  pledgeValueYuan: YuanString,
  maxLoanYuan: YuanString,
  assets: Type.Array(Type.Object({ assetId: Type.String(), number: Type.String(), valueYuan: YuanString })),
  createdAt: IsoDateTime,
});
export type ValuationSummary = Static<typeof ValuationSummary>;

export const Valuation = Type.Intersect([
  ValuationSummary,
  Type.Object({
    evaluationFirmName: Type.Union([Type.String(), Type.Null()]),
    reportNumber: Type.Union([Type.String(), Type.Null()]),
    signedOn: Type.Union([IsoDate, Type.Null()]),
    valuers: Type.Array(Type.Object({ name: Type.String(), certificateNumber: Type.String() })),
    lowYuan: YuanString,
    highYuan: YuanString,
    licencesYuan: YuanString,
    pledgeRatioPct: Type.String(),
    maxPledgeRatePct: Type.String(),
    rangeBasis: Type.String(),
    assetResults: Type.Array(ValuationAssetResult),
    /** The inputs verbatim, as entered. */
    inputs: Type.Unknown(),
    note: Type.Union([Type.String(), Type.Null()]),
  }),
]);
export type Valuation = Static<typeof Valuation>;

export const ValuationPage = PageOf(ValuationSummary);

export const ValuationQuery = Type.Object(
  {
    ...PageQuery,
    assetId: Type.Optional(Uuid),
    enterpriseId: Type.Optional(Uuid),
    kind: Type.Optional(ValuationKind),
    validity: Type.Optional(literals(['valid', 'expired'] as const)),
  },
  { additionalProperties: false },
);
export type ValuationQuery = Static<typeof ValuationQuery>;
