import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** 放款 (disburse): optional penalty markup and 受托支付 details. */
export const DisburseLoanBody = Type.Object(
  {
    penaltyMarkupPct: Type.Optional(
      Type.String({
        pattern: '^\\d{1,3}(\\.\\d{1,2})?$',
        description: '罚息上浮 percent, 30–50 (银发〔2003〕251号); default 50',
        examples: ['50'],
      }),
    ),
    entrustedPayment: Type.Optional(
      Type.Object(
        {
          counterpartyName: Type.String({ minLength: 1, maxLength: 200 }),
          counterpartyAccount: Type.String({ minLength: 1, maxLength: 64 }),
          reference: Type.String({
            minLength: 1,
            maxLength: 100,
            description: 'invoice or contract number of the purchase paid for',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the case version read' })),
  },
  { additionalProperties: false },
);
export type DisburseLoanBody = Static<typeof DisburseLoanBody>;

/**
 * 还款 (repayment): `regular` pays `amountYuan` against what is due (penalty, interest, principal, oldest first);
 * `prepayment` repays `principalYuan` early (`option` shortenTerm 缩短期限 | lowerInstallment 减少月供) or, with
 * `settleInFull`, settles the loan (提前结清). Send an `Idempotency-Key` header.
 */
export const RepaymentBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('regular'), Type.Literal('prepayment')]),
    amountYuan: Type.Optional(YuanString),
    principalYuan: Type.Optional(YuanString),
    settleInFull: Type.Optional(Type.Boolean()),
    option: Type.Optional(Type.Union([Type.Literal('shortenTerm'), Type.Literal('lowerInstallment')])),
  },
  {
    additionalProperties: false,
    examples: [{ kind: 'regular', amountYuan: '85291.67' }],
  },
);
export type RepaymentBody = Static<typeof RepaymentBody>;

export const LoanInstallment = Type.Object({
  period: Type.Integer(),
  accrualStartDate: IsoDate,
  accrualEndDate: IsoDate,
  dueDate: IsoDate,
  principalYuan: YuanString,
  interestYuan: YuanString,
  paymentYuan: YuanString,
  principalPaidYuan: YuanString,
  interestPaidYuan: YuanString,
  penaltyYuan: YuanString,
  compoundYuan: YuanString,
  chargesPaidYuan: YuanString,
  status: Type.String({ description: 'scheduled | due | partially_paid | overdue | paid | superseded' }),
  paidDate: Nullable(IsoDate),
});

export const LoanRepayment = Type.Object({
  id: Uuid,
  kind: Type.String(),
  prepaymentOption: Nullable(Type.String()),
  repaymentDate: IsoDate,
  amountYuan: YuanString,
  penaltyYuan: YuanString,
  interestYuan: YuanString,
  principalYuan: YuanString,
  postedAt: IsoDateTime,
});

/** 贷款账户 with its schedule, repayments and what is payable today. */
export const LoanAccount = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseState: Type.String(),
  status: Type.String(),
  principalYuan: YuanString,
  outstandingPrincipalYuan: YuanString,
  annualRatePct: Type.String(),
  lprTenor: Type.String(),
  lprRatePct: Type.String(),
  spreadBps: Type.Integer(),
  penaltyMarkupPct: Type.String(),
  repaymentMethod: Type.String(),
  termMonths: Type.Integer(),
  disbursementDate: IsoDate,
  maturityDate: IsoDate,
  entrustedPayment: Nullable(
    Type.Object({
      counterpartyName: Type.String(),
      counterpartyAccount: Type.String(),
      reference: Type.String(),
    }),
  ),
  closedDate: Nullable(IsoDate),
  servicedThroughDate: Nullable(IsoDate),
  daysPastDue: Type.Integer(),
  grade: Type.String(),
  gradeZh: Type.String(),
  payable: Type.Object({
    asOfDate: IsoDate,
    penaltyYuan: YuanString,
    interestYuan: YuanString,
    principalYuan: YuanString,
    totalYuan: YuanString,
  }),
  installments: Type.Array(LoanInstallment),
  repayments: Type.Array(LoanRepayment),
  version: Type.Integer(),
});

export const RepaymentResult = Type.Object({ repayment: LoanRepayment, loan: LoanAccount });

export const RunDailyServicingBody = Type.Object(
  {
    businessDate: IsoDate,
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    maxBatches: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const ServicingRun = Type.Object({
  businessDate: IsoDate,
  phase: Type.String({ description: 'loans | classification | completed' }),
  loansProcessed: Type.Integer(),
  batches: Type.Integer(),
  startedAt: IsoDateTime,
  completedAt: Nullable(IsoDateTime),
});
