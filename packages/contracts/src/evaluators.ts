import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const evaluatorStates = ['applied', 'admitted', 'rejected', 'suspended', 'removed'] as const;
export const evaluatorActions = ['admit', 'reject', 'suspend', 'remove', 'reinstate'] as const;

const FeeShares = Type.Object(
  {
    enterpriseBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
    bankBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
    subsidyBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  {
    additionalProperties: false,
    description: 'fee sharing among enterprise, bank and subsidy, bps summing to 10000',
  },
);

const CertifiedValuer = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    certificateNumber: Type.String({
      minLength: 1,
      maxLength: 50,
      description: '资产评估师职业资格证书编号',
    }),
  },
  { additionalProperties: false },
);

/** 评估机构入库记录. */
export const Evaluator = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationNameEn: Type.String(),
  state: Type.String({ description: evaluatorStates.join(' | ') }),
  licenceNumber: Type.String(),
  certifiedValuers: Type.Array(CertifiedValuer),
  fields: Type.Array(Type.String()),
  documents: Type.Array(Type.String()),
  feeShares: FeeShares,
  appliedAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
  quality: Type.Object({
    reviewCount: Type.Integer(),
    confirmedCount: Type.Integer(),
    adjustedCount: Type.Integer(),
    rejectedCount: Type.Integer(),
    realisationCount: Type.Integer(),
    score: Nullable(Type.String({ description: '0–100, two decimals; null: 暂无' })),
    reviewScore: Nullable(Type.String()),
    deviationScore: Nullable(Type.String()),
    meanDeviationPct: Nullable(Type.String()),
  }),
});
export type Evaluator = Static<typeof Evaluator>;

export const EvaluatorDetail = Type.Intersect([
  Evaluator,
  Type.Object({
    history: Type.Array(
      Type.Object({
        fromState: Nullable(Type.String()),
        toState: Type.String(),
        reason: Nullable(Type.String()),
        actorName: Type.String(),
        occurredAt: IsoDateTime,
      }),
    ),
    /** 价值实现: realised prices paired with the firm's formal reports, newest first. */
    realisations: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('trade'), Type.Literal('disposal')]),
        valuationId: Uuid,
        valuationNumber: Type.String(),
        reportNumber: Nullable(Type.String()),
        valuationDate: IsoDate,
        assetNumbers: Type.Array(Type.String()),
        reportedValueYuan: YuanString,
        realisedDate: IsoDate,
        realisedPriceYuan: YuanString,
        deviationPct: Type.String({ description: '(reported − realised) ÷ realised, percent, signed' }),
      }),
    ),
  }),
]);
export type EvaluatorDetail = Static<typeof EvaluatorDetail>;

export const EvaluatorPage = PageOf(Evaluator);

export const EvaluatorQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(Type.Union(evaluatorStates.map((s) => Type.Literal(s)))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type EvaluatorQuery = Static<typeof EvaluatorQuery>;

/** 入库申请 (at least two certified valuers sign a report, 《资产评估法》 art. 26). */
export const EvaluatorApplicationBody = Type.Object(
  {
    licenceNumber: Type.String({ minLength: 1, maxLength: 100, description: '资产评估机构备案编号' }),
    certifiedValuers: Type.Array(CertifiedValuer, { minItems: 2, maxItems: 200 }),
    fields: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 30 }),
    documents: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        licenceNumber: '深财资备〔2020〕0012号',
        certifiedValuers: [
          { name: '张评', certificateNumber: '44000123' },
          { name: '李估', certificateNumber: '44000456' },
        ],
        fields: ['专利', '商标'],
        documents: ['营业执照副本 DOC-001', '备案公告 DOC-002'],
      },
    ],
  },
);
export type EvaluatorApplicationBody = Static<typeof EvaluatorApplicationBody>;

/** 审核与动态管理: admit / reject / suspend / remove / reinstate, with a reason (required except to admit). */
export const EvaluatorStatusBody = Type.Object(
  {
    action: Type.Union(evaluatorActions.map((a) => Type.Literal(a))),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    feeShares: Type.Optional(FeeShares),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  {
    additionalProperties: false,
    examples: [{ action: 'suspend', reason: '复核中两份报告被否定，暂停接受委托' }],
  },
);
export type EvaluatorStatusBody = Static<typeof EvaluatorStatusBody>;

export const EvaluatorFeeQuoteQuery = Type.Object({ valueYuan: YuanString }, { additionalProperties: false });
export type EvaluatorFeeQuoteQuery = Static<typeof EvaluatorFeeQuoteQuery>;

/** 评估费报价 under the platform's fee standard and the firm's fee sharing. */
export const EvaluatorFeeQuote = Type.Object({
  valueYuan: YuanString,
  feeYuan: YuanString,
  standardVersion: Type.String(),
  minimumFeeYuan: YuanString,
  bands: Type.Array(Type.Object({ upToYuan: Nullable(YuanString), ratePerTenThousand: Type.Integer() })),
  shares: FeeShares,
  enterpriseYuan: YuanString,
  bankYuan: YuanString,
  subsidyYuan: YuanString,
});
export type EvaluatorFeeQuote = Static<typeof EvaluatorFeeQuote>;
