import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Bps = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000, description });

/** 知识产权保险 kinds: the 保证保险 of a loan, and the article-八 kinds on record for an enterprise. */
export const insurancePolicyKinds = [
  'pledge_financing_guarantee',
  'infringement_liability',
  'enforcement',
  'overseas_infringement',
  'transaction',
] as const;
/** The article-八 kinds an insurer records for an enterprise (not tied to a loan). */
export const enterpriseInsuranceKinds = insurancePolicyKinds.filter(
  (k) => k !== 'pledge_financing_guarantee',
);

/** 担保产品 (guarantor product). */
export const GuaranteeProduct = Type.Object({
  id: Uuid,
  guarantorId: Uuid,
  guarantorName: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  coverageShareBps: Type.Integer({ description: '担保责任比例 of the bank’s loss, bps' }),
  feeRateBps: Type.Integer({ description: '年担保费率, bps of principal per year' }),
  reGuaranteeShareBps: Nullable(Type.Integer({ description: '再担保分担比例 of the guarantor’s part, bps' })),
  reGuarantorId: Nullable(Uuid),
  reGuarantorName: Nullable(Type.String()),
  capYuan: Nullable(YuanString),
  compensationOverdueDays: Nullable(
    Type.Integer({
      description: '代偿触发天数: days overdue after which the guarantor pays; null: at default',
    }),
  ),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type GuaranteeProduct = Static<typeof GuaranteeProduct>;
export const GuaranteeProductPage = PageOf(GuaranteeProduct);

export const GuaranteeProductQuery = Type.Object(
  {
    ...PageQuery,
    guarantorId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type GuaranteeProductQuery = Static<typeof GuaranteeProductQuery>;

const guaranteeTerms = {
  coverageShareBps: Bps('担保责任比例 of the bank’s loss; the bank keeps ≥ 2000 (国办发〔2019〕6号)'),
  feeRateBps: Type.Integer({ minimum: 0, maximum: 2_000, description: '年担保费率, bps' }),
  reGuaranteeShareBps: Type.Optional(Nullable(Bps('再担保分担比例 of the guarantor’s part, 2000–5000'))),
  reGuarantorId: Type.Optional(Nullable(Uuid)),
  capYuan: Type.Optional(Nullable(YuanString)),
  compensationOverdueDays: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 720,
        description: '代偿触发天数: the guarantor pays once the loan is this many days overdue (e.g. 90)',
      }),
    ),
  ),
};

export const CreateGuaranteeProductBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    ...guaranteeTerms,
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: 'IP-STD',
        nameZh: '知识产权质押融资担保',
        nameEn: 'IP pledge loan guarantee',
        coverageShareBps: 8000,
        feeRateBps: 100,
        reGuaranteeShareBps: 5000,
      },
    ],
  },
);
export type CreateGuaranteeProductBody = Static<typeof CreateGuaranteeProductBody>;

export const UpdateGuaranteeProductBody = Type.Object(
  {
    nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    coverageShareBps: Type.Optional(guaranteeTerms.coverageShareBps),
    feeRateBps: Type.Optional(guaranteeTerms.feeRateBps),
    reGuaranteeShareBps: guaranteeTerms.reGuaranteeShareBps,
    reGuarantorId: guaranteeTerms.reGuarantorId,
    capYuan: guaranteeTerms.capYuan,
    compensationOverdueDays: guaranteeTerms.compensationOverdueDays,
    active: Type.Optional(Type.Boolean({ description: 'false: 停用 (delete keeps the record)' })),
    version: Type.Integer({ minimum: 1, description: 'the product version read' }),
  },
  { additionalProperties: false },
);
export type UpdateGuaranteeProductBody = Static<typeof UpdateGuaranteeProductBody>;

/** 担保合同 (guarantee of one case). */
export const Guarantee = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  caseState: Type.String(),
  bankName: Type.String(),
  enterpriseName: Type.String(),
  guarantorId: Uuid,
  guarantorName: Type.String(),
  productId: Nullable(Uuid),
  contractNumber: Type.String(),
  guaranteedPrincipalYuan: YuanString,
  coveredShareBps: Type.Integer(),
  feeRateBps: Type.Integer(),
  feeYuan: YuanString,
  capYuan: Nullable(YuanString),
  reGuaranteeShareBps: Nullable(Type.Integer()),
  reGuarantorId: Nullable(Uuid),
  reGuarantorName: Nullable(Type.String()),
  compensationOverdueDays: Nullable(Type.Integer()),
  state: Type.String({ description: 'active | compensated | released | cancelled' }),
  createdAt: IsoDateTime,
});
export type Guarantee = Static<typeof Guarantee>;
export const GuaranteePage = PageOf(Guarantee);

export const GuaranteeQuery = Type.Object(
  { ...PageQuery, state: Type.Optional(Type.String({ maxLength: 20 })) },
  { additionalProperties: false },
);
export type GuaranteeQuery = Static<typeof GuaranteeQuery>;

/** 登记担保: the accepted guarantor prices its guarantee, from a product or with its own terms. */
export const RecordGuaranteeBody = Type.Object(
  {
    productId: Type.Optional(Uuid),
    coverageShareBps: Type.Optional(guaranteeTerms.coverageShareBps),
    feeRateBps: Type.Optional(guaranteeTerms.feeRateBps),
    reGuaranteeShareBps: guaranteeTerms.reGuaranteeShareBps,
    reGuarantorId: guaranteeTerms.reGuarantorId,
    capYuan: guaranteeTerms.capYuan,
    compensationOverdueDays: guaranteeTerms.compensationOverdueDays,
  },
  {
    additionalProperties: false,
    examples: [{ coverageShareBps: 8000, feeRateBps: 100, reGuaranteeShareBps: 5000 }],
  },
);
export type RecordGuaranteeBody = Static<typeof RecordGuaranteeBody>;

/** 保单 (insurance policy). */
export const InsurancePolicy = Type.Object({
  id: Uuid,
  policyNumber: Type.String(),
  kind: Type.String({ description: insurancePolicyKinds.join(' | ') }),
  insurerId: Uuid,
  insurerName: Type.String(),
  insuredId: Uuid,
  insuredName: Type.String(),
  policyholderId: Uuid,
  policyholderName: Type.String(),
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  premiumYuan: YuanString,
  premiumRateBps: Nullable(Type.Integer()),
  coverageShareBps: Nullable(Type.Integer()),
  sumInsuredYuan: Nullable(YuanString),
  capYuan: Nullable(YuanString),
  startDate: IsoDate,
  endDate: IsoDate,
  state: Type.String({ description: 'active | expired | claimed | cancelled' }),
  note: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type InsurancePolicy = Static<typeof InsurancePolicy>;
export const InsurancePolicyPage = PageOf(InsurancePolicy);

export const InsurancePolicyQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(Type.Union(insurancePolicyKinds.map((k) => Type.Literal(k)))),
  },
  { additionalProperties: false },
);
export type InsurancePolicyQuery = Static<typeof InsurancePolicyQuery>;

/** 保证保险承保: the accepted insurer of a `plus_insurance` case prices the policy on the loan. */
export const RecordGuaranteeInsuranceBody = Type.Object(
  {
    premiumRateBps: Type.Integer({ minimum: 0, maximum: 2_000, description: '年保费率, bps of principal' }),
    coverageShareBps: Bps('share of the loss the insurer bears'),
    capYuan: Type.Optional(Nullable(YuanString)),
  },
  { additionalProperties: false, examples: [{ premiumRateBps: 200, coverageShareBps: 6000 }] },
);
export type RecordGuaranteeInsuranceBody = Static<typeof RecordGuaranteeInsuranceBody>;

/** An article-八 policy on record for an enterprise (infringement, enforcement, overseas, transaction). */
export const RecordInsurancePolicyBody = Type.Object(
  {
    kind: Type.Union(enterpriseInsuranceKinds.map((k) => Type.Literal(k))),
    enterpriseId: Uuid,
    premiumYuan: YuanString,
    sumInsuredYuan: YuanString,
    startDate: IsoDate,
    endDate: IsoDate,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RecordInsurancePolicyBody = Static<typeof RecordInsurancePolicyBody>;

export const PoolRatio = Type.Object({
  loanCategory: Type.String({ minLength: 1, maxLength: 40 }),
  ratioBps: Bps('补偿比例 of the bank’s retained loss'),
  source: Type.String({ maxLength: 300 }),
});

export const PoolMember = Type.Object({
  id: Uuid,
  bankId: Uuid,
  bankName: Type.String(),
  fromDate: IsoDate,
  toDate: Nullable(IsoDate),
});

/** 风险补偿资金池, with this year's budget and use. */
export const RiskPool = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  nameZh: Type.String(),
  nameEn: Type.String(),
  level: Type.String({ description: 'city | district' }),
  district: Nullable(Type.String()),
  fundSizeYuan: YuanString,
  ratios: Type.Array(PoolRatio),
  ratiosEffectiveDate: IsoDate,
  lossBase: Type.String(),
  budgetYear: Type.Integer(),
  budgetYuan: YuanString,
  usedYuan: YuanString,
  remainingYuan: YuanString,
  members: Type.Array(PoolMember),
  filings: Type.Integer({ description: 'loans filed (入池备案)' }),
  filedPrincipalYuan: YuanString,
  version: Type.Integer(),
});
export type RiskPool = Static<typeof RiskPool>;
export const RiskPoolList = Type.Object({ items: Type.Array(RiskPool) });

export const AddPoolMemberBody = Type.Object(
  { bankId: Uuid, fromDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type AddPoolMemberBody = Static<typeof AddPoolMemberBody>;

export const EndPoolMembershipBody = Type.Object(
  { toDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type EndPoolMembershipBody = Static<typeof EndPoolMembershipBody>;

export const SetPoolBudgetBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    budgetYuan: YuanString,
  },
  { additionalProperties: false, examples: [{ year: 2026, budgetYuan: '50000000.00' }] },
);
export type SetPoolBudgetBody = Static<typeof SetPoolBudgetBody>;

export const UpdatePoolRatiosBody = Type.Object(
  {
    ratios: Type.Array(PoolRatio, { minItems: 1, maxItems: 20 }),
    effectiveDate: IsoDate,
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdatePoolRatiosBody = Static<typeof UpdatePoolRatiosBody>;

/** 入池备案 (a loan filed into a pool). */
export const PoolFiling = Type.Object({
  id: Uuid,
  poolId: Uuid,
  poolName: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  bankId: Uuid,
  bankName: Type.String(),
  enterpriseName: Type.String(),
  loanCategory: Type.String(),
  ratioBps: Type.Integer(),
  budgetYear: Type.Integer(),
  principalYuan: YuanString,
  filedDate: IsoDate,
  state: Type.String(),
});
export type PoolFiling = Static<typeof PoolFiling>;
export const PoolFilingPage = PageOf(PoolFiling);

export const PoolFilingQuery = Type.Object(
  { ...PageQuery, poolId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type PoolFilingQuery = Static<typeof PoolFilingQuery>;

/** One row of a case's agreement table: party, layer, share, cap and what the share is of. */
export const RiskSharingLayer = Type.Object({
  role: Type.String({ description: 'guarantor | re_guarantor | insurer | evaluator | pool | bank' }),
  partyId: Uuid,
  partyName: Type.String(),
  shareBps: Type.Integer(),
  capYuan: Nullable(YuanString),
  base: Type.String({
    description: 'loss_base (of the loss) | guarantor_part (of the guarantor’s part) | bank_retained',
  }),
});

/** 分险协议 of a case (null until fixed at disbursement) with the guarantee, policy and pool filing. */
export const CaseRiskSharing = Type.Object({
  caseId: Uuid,
  agreement: Nullable(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      fixedOn: IsoDate,
      lossBase: Type.String({ description: 'principal | principal_and_interest' }),
      layers: Type.Array(RiskSharingLayer),
    }),
  ),
  guarantee: Nullable(Guarantee),
  insurancePolicy: Nullable(InsurancePolicy),
  poolFiling: Nullable(PoolFiling),
});
export type CaseRiskSharing = Static<typeof CaseRiskSharing>;
