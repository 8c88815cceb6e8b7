import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const PayerRole = Type.Union(
  [
    Type.Literal('guarantor'),
    Type.Literal('re_guarantor'),
    Type.Literal('insurer'),
    Type.Literal('evaluator'),
    Type.Literal('pool'),
  ],
  { description: '付款方角色: guarantor 代偿, re_guarantor 再担保分担, insurer 理赔, evaluator, pool 补偿' },
);
const ClaimState = Type.Union(
  ['filed', 'under_review', 'approved', 'rejected', 'paid', 'recovered'].map((s) => Type.Literal(s)),
  { description: 'states.md "Claims and disposition"' },
);

/** 理赔 (a claim on one payer of a defaulted case). */
export const RiskClaim = Type.Object({
  id: Uuid,
  claimNumber: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  caseState: Type.String(),
  enterpriseName: Type.String(),
  payerRole: Type.String({ description: 'guarantor | re_guarantor | insurer | evaluator | pool' }),
  payerOrganisationId: Uuid,
  payerName: Type.String(),
  claimantOrganisationId: Uuid,
  claimantName: Type.String(),
  lossPrincipalYuan: YuanString,
  lossInterestYuan: YuanString,
  claimedYuan: YuanString,
  approvedYuan: Type.Union([YuanString, Type.Null()]),
  paidYuan: Type.Union([YuanString, Type.Null()]),
  shortfallYuan: Type.Union([YuanString, Type.Null()], {
    description: 'entitled but unpaid (approved less, or the pool budget short): stays with the bank',
  }),
  recoveredYuan: YuanString,
  budgetYear: Type.Union([Type.Integer(), Type.Null()]),
  state: Type.String({ description: 'filed | under_review | approved | rejected | paid | recovered' }),
  documents: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'case_attachment | external' }),
      name: Type.String(),
      ref: Type.String(),
    }),
  ),
  filedByUserId: Uuid,
  reviewedByUserId: Type.Union([Uuid, Type.Null()]),
  decidedByUserId: Type.Union([Uuid, Type.Null()]),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  filedDate: IsoDate,
  decidedDate: Type.Union([IsoDate, Type.Null()]),
  payment: Type.Union([
    Type.Object({ paidDate: IsoDate, reference: Type.String(), paidByUserId: Uuid, amountYuan: YuanString }),
    Type.Null(),
  ]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RiskClaim = Static<typeof RiskClaim>;

/** 追偿返还 (one party's part of a recovery). */
export const RecoveryShare = Type.Object({
  id: Uuid,
  caseId: Uuid,
  source: Type.String({ description: 'recovery | disposition' }),
  reference: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  claimId: Type.Union([Uuid, Type.Null()]),
  amountYuan: YuanString,
  sharedDate: IsoDate,
});
export type RecoveryShare = Static<typeof RecoveryShare>;

export const RiskClaimDetail = Type.Intersect([
  RiskClaim,
  Type.Object({ recoveries: Type.Array(RecoveryShare) }),
]);
export type RiskClaimDetail = Static<typeof RiskClaimDetail>;

export const RiskClaimPage = PageOf(RiskClaim);
export type RiskClaimPage = Static<typeof RiskClaimPage>;

export const RiskClaimListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(ClaimState),
    payerRole: Type.Optional(PayerRole),
    caseId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the case or claim number' })),
  },
  { additionalProperties: false },
);
export type RiskClaimListQuery = Static<typeof RiskClaimListQuery>;

export const RiskClaimExportQuery = Type.Object(
  {
    state: Type.Optional(ClaimState),
    payerRole: Type.Optional(PayerRole),
    caseId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type RiskClaimExportQuery = Static<typeof RiskClaimExportQuery>;

/** 发起代偿/理赔/补偿: the payer; the amount comes from the agreement and the loan's loss, never from the body. */
export const FileRiskClaimBody = Type.Object(
  {
    payerRole: PayerRole,
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    externalDocuments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            ref: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, examples: [{ payerRole: 'guarantor', attachmentIds: [] }] },
);
export type FileRiskClaimBody = Static<typeof FileRiskClaimBody>;

export const ReviewRiskClaimBody = Type.Object(
  {
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ReviewRiskClaimBody = Static<typeof ReviewRiskClaimBody>;

export const DecideRiskClaimBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    approvedYuan: Type.Optional(YuanString),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, examples: [{ decision: 'approve', approvedYuan: '400000.00' }] },
);
export type DecideRiskClaimBody = Static<typeof DecideRiskClaimBody>;

export const PayRiskClaimBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 100, description: '付款凭证号' }),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, examples: [{ reference: 'TR-2026-0001' }] },
);
export type PayRiskClaimBody = Static<typeof PayRiskClaimBody>;

export const RecordRecoveryBody = Type.Object(
  {
    amountYuan: YuanString,
    reference: Type.String({ minLength: 1, maxLength: 100, description: '回款凭证号' }),
  },
  { additionalProperties: false, examples: [{ amountYuan: '300000.00', reference: '(2026)粤03执123号' }] },
);
export type RecordRecoveryBody = Static<typeof RecordRecoveryBody>;

export const ClaimRecovery = Type.Object({
  caseId: Uuid,
  reference: Type.String(),
  recoveredYuan: YuanString,
  sharedYuan: YuanString,
  surplusYuan: YuanString,
  shares: Type.Array(RecoveryShare),
});
export type ClaimRecovery = Static<typeof ClaimRecovery>;

/** 案件理赔面板. */
export const CaseClaims = Type.Object({
  caseId: Uuid,
  caseState: Type.String(),
  filingOpen: Type.Boolean(),
  hasAgreement: Type.Boolean(),
  lossBase: Type.Union([Type.String(), Type.Null()]),
  loss: Type.Union([
    Type.Object({ principalYuan: YuanString, interestYuan: YuanString, lossBaseYuan: YuanString }),
    Type.Null(),
  ]),
  payers: Type.Array(
    Type.Object({
      role: Type.String(),
      partyId: Uuid,
      partyName: Type.String(),
      claimableYuan: Type.Union([YuanString, Type.Null()]),
      liveClaimId: Type.Union([Uuid, Type.Null()]),
      liveClaimState: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  claims: Type.Array(RiskClaim),
  recoveries: Type.Array(RecoveryShare),
});
export type CaseClaims = Static<typeof CaseClaims>;
