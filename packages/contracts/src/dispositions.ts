import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const DispositionPath = Type.Union(
  [
    Type.Literal('reverse_licence'),
    Type.Literal('auction'),
    Type.Literal('transfer'),
    Type.Literal('debt_to_equity'),
  ],
  {
    description:
      '处置方式: reverse_licence 反向许可, auction 挂牌拍卖, transfer 转让, debt_to_equity 质押转股权',
  },
);
const DispositionStatus = Type.Union(
  ['opened', 'path_chosen', 'in_progress', 'proceeds_received', 'distributed', 'closed'].map((s) =>
    Type.Literal(s),
  ),
  { description: 'states.md "Claims and disposition"' },
);
const DistributionShareInput = Type.Object(
  {
    partyId: Uuid,
    weightBps: Type.Integer({ minimum: 0, maximum: 10000, description: '分配比例, bps of the net proceeds' }),
  },
  { additionalProperties: false },
);

/** 处置案件. */
export const Disposition = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  caseState: Type.String(),
  enterpriseName: Type.String(),
  status: Type.String({
    description: 'opened | path_chosen | in_progress | proceeds_received | distributed | closed',
  }),
  path: Type.Union([Type.String(), Type.Null()]),
  distribution: Type.Array(
    Type.Object({
      role: Type.String(),
      partyId: Uuid,
      partyName: Type.String(),
      weightBps: Type.Integer(),
    }),
  ),
  distributionFixedAt: IsoDateTime,
  counterpartyName: Type.Union([Type.String(), Type.Null()]),
  controlledAccount: Type.Union([Type.String(), Type.Null()]),
  appraisedValueYuan: Type.Union([YuanString, Type.Null()]),
  proceedsYuan: YuanString,
  costsYuan: YuanString,
  distributedYuan: YuanString,
  registrationCancelled: Type.Boolean(),
  openedByUserId: Uuid,
  openedDate: IsoDate,
  closedDate: Type.Union([IsoDate, Type.Null()]),
  version: Type.Integer(),
});
export type Disposition = Static<typeof Disposition>;

const DistributionPlan = Type.Object({
  proceedsYuan: YuanString,
  costsPaidYuan: YuanString,
  netProceedsYuan: YuanString,
  surplusYuan: YuanString,
  costs: Type.Array(Type.Object({ kind: Type.String(), paidYuan: YuanString })),
  shares: Type.Array(Type.Object({ role: Type.String(), partyId: Uuid, amountYuan: YuanString })),
});

/** 处置详情: costs, proceeds, distribution rounds, and the plan of the next round. */
export const DispositionDetail = Type.Intersect([
  Disposition,
  Type.Object({
    costs: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        amountYuan: YuanString,
        paidYuan: YuanString,
        incurredDate: IsoDate,
        note: Type.Union([Type.String(), Type.Null()]),
        distributed: Type.Boolean(),
      }),
    ),
    proceeds: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        amountYuan: YuanString,
        receivedDate: IsoDate,
        payerName: Type.Union([Type.String(), Type.Null()]),
        reference: Type.String(),
        distributed: Type.Boolean(),
      }),
    ),
    distributions: Type.Array(
      Type.Object({
        id: Uuid,
        sequence: Type.Integer(),
        proceedsYuan: YuanString,
        costsPaidYuan: YuanString,
        netProceedsYuan: YuanString,
        distributedDate: IsoDate,
        distributedByUserId: Uuid,
        shares: Type.Array(
          Type.Object({
            role: Type.String(),
            organisationId: Uuid,
            organisationName: Type.String(),
            claimId: Type.Union([Uuid, Type.Null()]),
            amountYuan: YuanString,
          }),
        ),
      }),
    ),
    pendingDistribution: Type.Optional(Type.Union([DistributionPlan, Type.Null()])),
  }),
]);
export type DispositionDetail = Static<typeof DispositionDetail>;

/** The case page's disposition (null when none is open). */
export const CaseDisposition = Type.Object({ disposition: Type.Union([DispositionDetail, Type.Null()]) });
export type CaseDisposition = Static<typeof CaseDisposition>;

export const DispositionPage = PageOf(Disposition);
export type DispositionPage = Static<typeof DispositionPage>;

export const DispositionListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(DispositionStatus),
    path: Type.Optional(DispositionPath),
    q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the case number' })),
  },
  { additionalProperties: false },
);
export type DispositionListQuery = Static<typeof DispositionListQuery>;

export const DispositionExportQuery = Type.Object(
  {
    status: Type.Optional(DispositionStatus),
    path: Type.Optional(DispositionPath),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type DispositionExportQuery = Static<typeof DispositionExportQuery>;

export const OpenDispositionBody = Type.Object(
  {
    appraisedValueYuan: Type.Optional(YuanString),
    distribution: Type.Optional(Type.Array(DistributionShareInput, { minItems: 1, maxItems: 6 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, examples: [{ appraisedValueYuan: '3000000.00' }] },
);
export type OpenDispositionBody = Static<typeof OpenDispositionBody>;

export const DispositionDistributionBody = Type.Object(
  { distribution: Type.Array(DistributionShareInput, { minItems: 1, maxItems: 6 }) },
  { additionalProperties: false },
);
export type DispositionDistributionBody = Static<typeof DispositionDistributionBody>;

export const ChooseDispositionPathBody = Type.Object(
  {
    path: DispositionPath,
    counterpartyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    controlledAccount: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    start: Type.Optional(
      Type.Boolean({ description: 'start the disposal now (the ratios can no longer change)' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ path: 'auction', counterpartyName: '深圳联合产权交易所', start: true }],
  },
);
export type ChooseDispositionPathBody = Static<typeof ChooseDispositionPathBody>;

export const DispositionCostBody = Type.Object(
  {
    kind: Type.Union(
      ['evaluation', 'auction_fee', 'legal', 'registration', 'other'].map((k) => Type.Literal(k)),
    ),
    amountYuan: YuanString,
    incurredDate: Type.Optional(IsoDate),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, examples: [{ kind: 'auction_fee', amountYuan: '12000.00' }] },
);
export type DispositionCostBody = Static<typeof DispositionCostBody>;

export const DispositionProceedsBody = Type.Object(
  {
    kind: Type.Union(['auction', 'transfer', 'royalty', 'equity', 'other'].map((k) => Type.Literal(k))),
    amountYuan: YuanString,
    reference: Type.String({ minLength: 1, maxLength: 100, description: '成交确认书/付款凭证号' }),
    payerName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    receivedDate: Type.Optional(IsoDate),
    bids: Type.Optional(
      Type.Array(
        Type.Object(
          { bidder: Type.String({ minLength: 1, maxLength: 200 }), amountYuan: YuanString },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ kind: 'auction', amountYuan: '600000.00', reference: 'PM-2026-001' }],
  },
);
export type DispositionProceedsBody = Static<typeof DispositionProceedsBody>;

export const CloseDispositionBody = Type.Object(
  {
    assetOutcome: Type.Optional(
      Type.Union([Type.Literal('transferred'), Type.Literal('released')], {
        description: 'default: released after a reverse licence, else transferred to the buyer',
      }),
    ),
    buyerName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          '受让方; default: the payer of the last proceeds (the winning bidder), else the counterparty of the path',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CloseDispositionBody = Static<typeof CloseDispositionBody>;

/** A default-workout step on the ledger case (录入回收 / 核销) after the disposition. */
export const DefaultWorkoutStepBody = Type.Object(
  {
    expectedVersion: Type.Optional(Type.Integer()),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DefaultWorkoutStepBody = Static<typeof DefaultWorkoutStepBody>;

export const RecoveryRateReport = Type.Object({
  items: Type.Array(
    Type.Object({
      ipKind: Type.String(),
      path: Type.String(),
      caseCount: Type.Integer(),
      appraisedYuan: YuanString,
      recoveredYuan: YuanString,
      recoveryRatePct: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type RecoveryRateReport = Static<typeof RecoveryRateReport>;
