import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * The `Idempotency-Key` request header of a money-moving POST (draft-ietf-httpapi-idempotency-key-header): the
 * same key with the same body returns the stored answer (header `idempotent-replayed: true`), the same key with
 * another body is 422 IDEMPOTENCY_KEY_REUSED. Required on repayments, extensions and renewals (400
 * IDEMPOTENCY_KEY_REQUIRED without it), optional on disbursement.
 */
export const IdempotencyKeyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: '^[\\x21-\\x7e]{1,100}$',
      description:
        'Idempotency-Key: 1–100 visible ASCII characters, unique per request of your organisation (a UUID is fine)',
      examples: ['5f0c2a9e-3b1d-4f7a-9a0e-1c2d3e4f5a6b'],
    }),
  ),
});

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
  {
    additionalProperties: false,
    examples: [
      {},
      {
        penaltyMarkupPct: '50',
        entrustedPayment: {
          counterpartyName: '深圳市南山精密仪器有限公司',
          counterpartyAccount: '4403 0000 1234 5678 901',
          reference: 'INV-2025-000318',
        },
        version: 14,
      },
    ],
  },
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
  contractVersion: Type.Integer({ description: 'the contract version that scheduled it' }),
});

/** 合同版本: the original contract, then each 展期 (extension) or 续贷 (renewal). */
export const LoanContractVersion = Type.Object({
  version: Type.Integer(),
  kind: Type.String({ description: 'original | extension | renewal' }),
  effectiveDate: IsoDate,
  recordedDate: IsoDate,
  principalYuan: YuanString,
  annualRatePct: Type.String(),
  lprRatePct: Type.String(),
  spreadBps: Type.Integer(),
  repaymentMethod: Type.String(),
  termMonths: Type.Integer(),
  maturityDate: IsoDate,
  extensionMonths: Nullable(Type.Integer()),
  restructured: Type.Boolean({ description: '重组: graded at least 关注 (special_mention)' }),
  note: Nullable(Type.String()),
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

/** A loan account as the examples show it (1,000,000.00 at 3.50 %, 12 months 等额本息, one instalment paid). */
const loanAccountExample = {
  id: '7d1e8f0a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  caseId: '0b9e6a52-8d7c-4f3e-9a21-5c4d3b2a1f00',
  caseState: 'repaying',
  status: 'active',
  principalYuan: '1000000.00',
  outstandingPrincipalYuan: '917995.04',
  annualRatePct: '3.50',
  lprTenor: '1Y',
  lprRatePct: '3.00',
  spreadBps: 50,
  penaltyMarkupPct: '50',
  repaymentMethod: 'annuity',
  termMonths: 12,
  disbursementDate: '2025-06-03',
  maturityDate: '2026-06-03',
  entrustedPayment: null,
  closedDate: null,
  servicedThroughDate: '2025-07-03',
  daysPastDue: 0,
  grade: 'normal',
  gradeZh: '正常',
  payable: {
    asOfDate: '2025-07-03',
    penaltyYuan: '0.00',
    interestYuan: '0.00',
    principalYuan: '0.00',
    totalYuan: '0.00',
  },
  installments: [
    {
      period: 1,
      accrualStartDate: '2025-06-03',
      accrualEndDate: '2025-07-03',
      dueDate: '2025-07-03',
      principalYuan: '82004.96',
      interestYuan: '2916.67',
      paymentYuan: '84921.63',
      principalPaidYuan: '82004.96',
      interestPaidYuan: '2916.67',
      penaltyYuan: '0.00',
      compoundYuan: '0.00',
      chargesPaidYuan: '0.00',
      status: 'paid',
      paidDate: '2025-07-03',
      contractVersion: 1,
    },
  ],
  repayments: [
    {
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      kind: 'regular',
      prepaymentOption: null,
      repaymentDate: '2025-07-03',
      amountYuan: '84921.63',
      penaltyYuan: '0.00',
      interestYuan: '2916.67',
      principalYuan: '82004.96',
      postedAt: '2025-07-03T02:15:00.000Z',
    },
  ],
  version: 2,
  contractVersion: 1,
  restructured: false,
  contractVersions: [
    {
      version: 1,
      kind: 'original',
      effectiveDate: '2025-06-03',
      recordedDate: '2025-06-03',
      principalYuan: '1000000.00',
      annualRatePct: '3.50',
      lprRatePct: '3.00',
      spreadBps: 50,
      repaymentMethod: 'annuity',
      termMonths: 12,
      maturityDate: '2026-06-03',
      extensionMonths: null,
      restructured: false,
      note: null,
    },
  ],
};

/** 贷款账户 with its schedule, repayments, what is payable today and its contract versions. */
export const LoanAccount = Type.Object(
  {
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
    contractVersion: Type.Integer({ description: 'the contract version in force' }),
    restructured: Type.Boolean({ description: '重组贷款: graded at least 关注 (special_mention)' }),
    contractVersions: Type.Array(LoanContractVersion),
  },
  { examples: [loanAccountExample] },
);

export const RepaymentResult = Type.Object(
  { repayment: LoanRepayment, loan: LoanAccount },
  { examples: [{ repayment: loanAccountExample.repayments[0], loan: loanAccountExample }] },
);

const RepaymentMethodLiteral = Type.Union(
  [
    Type.Literal('annuity'),
    Type.Literal('equalPrincipal'),
    Type.Literal('interestOnly'),
    Type.Literal('bullet'),
  ],
  {
    description:
      '等额本息 annuity | 等额本金 equalPrincipal | 先息后本 interestOnly | 到期一次还本付息 bullet',
  },
);

/**
 * 展期 (extension) as a new contract version: `extensionMonths` added to the remaining term (《贷款通则》 art. 12
 * limits the total), optionally a new spread or method; `borrowerInDifficulty` makes it a restructuring (at least
 * 关注). Send an `Idempotency-Key` header.
 */
export const ExtendLoanBody = Type.Object(
  {
    extensionMonths: Type.Integer({ minimum: 1, maximum: 360 }),
    spreadBps: Type.Optional(Type.Integer({ minimum: -1000, maximum: 2000 })),
    repaymentMethod: Type.Optional(RepaymentMethodLiteral),
    borrowerInDifficulty: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the case version read' })),
  },
  {
    additionalProperties: false,
    examples: [
      { extensionMonths: 6, borrowerInDifficulty: false, note: '订单回款周期延长，申请展期 6 个月' },
      { extensionMonths: 12, spreadBps: 80, borrowerInDifficulty: true, note: '经营困难，重组展期' },
    ],
  },
);
export type ExtendLoanBody = Static<typeof ExtendLoanBody>;

/**
 * 续贷 (renewal, 无还本续贷) as a new contract version: the outstanding principal becomes a new loan of
 * `termMonths` from today at today's LPR plus the spread; the old loan's interest to today is due today. Send an
 * `Idempotency-Key` header.
 */
export const RenewLoanBody = Type.Object(
  {
    termMonths: Type.Integer({ minimum: 1, maximum: 360 }),
    spreadBps: Type.Optional(Type.Integer({ minimum: -1000, maximum: 2000 })),
    repaymentMethod: Type.Optional(RepaymentMethodLiteral),
    borrowerInDifficulty: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the case version read' })),
  },
  {
    additionalProperties: false,
    examples: [{ termMonths: 12, borrowerInDifficulty: false, note: '无还本续贷一年' }],
  },
);
export type RenewLoanBody = Static<typeof RenewLoanBody>;

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
