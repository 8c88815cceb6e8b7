import { Type, type Static } from '@sinclair/typebox';
import { pledgeAlertKindCodes, pledgeAlertSeverityCodes, pledgeAlertStates } from '@ipf/domain/monitoring';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const OneOf = (codes: readonly string[], description: string) =>
  Type.Union(
    codes.map((c) => Type.Literal(c)),
    { description },
  );

/** 押品预警 (post-loan alert on a pledged IP asset). */
export const PledgeAlert = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  assetId: Uuid,
  assetNumber: Type.String(),
  assetTitle: Type.String(),
  kind: Type.String({ description: pledgeAlertKindCodes.join(' | ') }),
  severity: Type.String({ description: pledgeAlertSeverityCodes.join(' | ') }),
  dueDate: IsoDate,
  detectedOn: IsoDate,
  source: Type.String({ description: 'the rule the alert comes from' }),
  params: Type.Record(Type.String(), Type.String()),
  state: Type.String({ description: pledgeAlertStates.join(' | ') }),
  acknowledgedAt: Nullable(IsoDateTime),
  resolvedAt: Nullable(IsoDateTime),
  resolvedBySystem: Type.Boolean({ description: 'resolved by the scan because the condition cleared' }),
  note: Nullable(Type.String()),
  version: Type.Integer(),
});
export type PledgeAlert = Static<typeof PledgeAlert>;

export const PledgeAlertPage = PageOf(PledgeAlert);

export const PledgeAlertQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(OneOf(pledgeAlertStates, 'alert state')),
    kind: Type.Optional(OneOf(pledgeAlertKindCodes, 'alert kind')),
    severity: Type.Optional(OneOf(pledgeAlertSeverityCodes, 'severity')),
    caseId: Type.Optional(Uuid),
    dueBefore: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type PledgeAlertQuery = Static<typeof PledgeAlertQuery>;

/** 确认 / 处理完毕 an alert, with an optional note and the version read. */
export const HandlePledgeAlertBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the alert version read' })),
  },
  { additionalProperties: false, examples: [{ note: '已联系出质人补缴年费' }] },
);
export type HandlePledgeAlertBody = Static<typeof HandlePledgeAlertBody>;

/** 代缴年费: the fee the pledgee paid for the owner, the patent year and the day it is paid through. */
export const FeePaidOnBehalfBody = Type.Object(
  {
    assetId: Uuid,
    amountYuan: YuanString,
    paidOn: IsoDate,
    feeYear: Type.Integer({ minimum: 1, maximum: 30, description: '年度: the patent year paid for' }),
    paidThroughDate: IsoDate,
    addToSecuredAmount: Type.Optional(
      Type.Boolean({ description: 'the pledge contract secures the fee (default true, 民法典 art. 389)' }),
    ),
    reference: Type.Optional(Type.String({ maxLength: 100, description: 'receipt number' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        assetId: '6f1c2d3e-0000-4000-8000-000000000001',
        amountYuan: '1200.00',
        paidOn: '2026-03-02',
        feeYear: 6,
        paidThroughDate: '2027-04-30',
      },
    ],
  },
);
export type FeePaidOnBehalfBody = Static<typeof FeePaidOnBehalfBody>;

export const FeePaymentOnBehalf = Type.Object({
  id: Uuid,
  assetId: Uuid,
  amountYuan: YuanString,
  paidOn: IsoDate,
  feeYear: Type.Integer(),
  paidThroughDate: IsoDate,
  addedToSecuredAmount: Type.Boolean(),
  reference: Nullable(Type.String()),
  recordedAt: IsoDateTime,
});

/** 押品重估: a new valuation of every pledged asset of the case. */
export const PledgeRevaluationBody = Type.Object(
  {
    /**
     * 估值记录: a valid formal report or internal evaluation of exactly the pledged assets; it gives basis,
     * evaluator, dates and values (then leave those out) and the case keeps which valuation its pledge rate uses.
     */
    valuationId: Type.Optional(Uuid),
    basis: Type.Optional(Type.Union([Type.Literal('formal_report'), Type.Literal('internal_evaluation')])),
    evaluatorName: Type.Optional(Type.String({ maxLength: 200 })),
    valuationDate: Type.Optional(IsoDate),
    validUntil: Type.Optional(IsoDate),
    assetValues: Type.Optional(
      Type.Array(Type.Object({ assetId: Uuid, valueYuan: YuanString }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 50,
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        basis: 'formal_report',
        evaluatorName: '中衡资产评估有限公司',
        valuationDate: '2027-01-20',
        validUntil: '2028-01-19',
        assetValues: [{ assetId: '6f1c2d3e-0000-4000-8000-000000000001', valueYuan: '4800000.00' }],
      },
    ],
  },
);
export type PledgeRevaluationBody = Static<typeof PledgeRevaluationBody>;

/** 押品监测 of a case: secured amount with fees added, fees paid on behalf, alerts. */
export const CasePledgeMonitoring = Type.Object({
  caseId: Uuid,
  registeredSecuredAmountYuan: Nullable(YuanString),
  feesAddedToSecuredAmountYuan: YuanString,
  securedAmountYuan: YuanString,
  feePayments: Type.Array(FeePaymentOnBehalf),
  alerts: Type.Array(PledgeAlert),
});
export type CasePledgeMonitoring = Static<typeof CasePledgeMonitoring>;

export const PledgeScanBody = Type.Object(
  {
    businessDate: IsoDate,
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false, examples: [{ businessDate: '2026-03-02' }] },
);
export type PledgeScanBody = Static<typeof PledgeScanBody>;

export const PledgeScanResult = Type.Object({
  businessDate: IsoDate,
  pledgesScanned: Type.Integer(),
  raised: Type.Integer(),
  escalated: Type.Integer(),
  resolved: Type.Integer(),
});
