import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const Json = Type.Record(Type.String(), Type.Unknown());
const SchemeState = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('closed')]);
const ApplicationState = Type.Union(
  ['submitted', 'district_reviewed', 'city_reviewed', 'approved', 'paid', 'rejected', 'clawed_back'].map(
    (s) => Type.Literal(s),
  ),
  { description: 'submitted → district_reviewed → (city_reviewed) → approved → paid; rejected; clawed_back' },
);

/** 补贴政策版本 with its clauses (wire form of `SubsidyScheme`, money as …Yuan strings) and budget use. */
export const SubsidySchemeVersion = Type.Object({
  id: Uuid,
  schemeId: Type.String(),
  version: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  issuingBody: Type.String(),
  beneficiary: Type.String({ description: 'enterprise | bank | guarantor | insurer | evaluator' }),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Union([IsoDate, Type.Null()]),
  applicationFrom: Type.Union([IsoDate, Type.Null()]),
  applicationTo: Type.Union([IsoDate, Type.Null()]),
  sourceDocument: Type.String(),
  sourceArticle: Type.String(),
  requiresCityReview: Type.Boolean(),
  state: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  scheme: Json,
  budgets: Type.Array(
    Type.Object({
      district: Type.String({ description: '`all` for the scheme-wide budget, else a district code' }),
      totalYuan: YuanString,
      usedYuan: YuanString,
      remainingYuan: YuanString,
    }),
  ),
});
export type SubsidySchemeVersion = Static<typeof SubsidySchemeVersion>;

export const SubsidySchemeListQuery = Type.Object(
  { state: Type.Optional(SchemeState) },
  { additionalProperties: false },
);

export const PublishSubsidySchemeBody = Type.Object(
  {
    scheme: Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          '`SubsidyScheme` of @ipf/domain/subsidy in wire form: every …Fen field as …Yuan (e.g. capYuan "1500000.00")',
      },
    ),
    applicationFrom: Type.Optional(IsoDate),
    applicationTo: Type.Optional(IsoDate),
    requiresCityReview: Type.Optional(Type.Boolean()),
    districtBudgets: Type.Optional(
      Type.Array(
        Type.Object({ district: Type.String(), totalYuan: YuanString }, { additionalProperties: false }),
        { maxItems: 20 },
      ),
    ),
    state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
  },
  { additionalProperties: false },
);

const DeclaredFacts = Type.Object(
  {
    taxDistrict: Type.Optional(Type.String({ maxLength: 40 })),
    taxCertificateNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    techSmeNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    aboveDesignatedSizeNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    districtFilingDate: Type.Optional(IsoDate),
    districtFilingNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    taxCertificateDocumentId: Type.Optional(Uuid),
    techSmeDocumentId: Type.Optional(Uuid),
    aboveDesignatedSizeDocumentId: Type.Optional(Uuid),
    districtFilingDocumentId: Type.Optional(Uuid),
  },
  {
    additionalProperties: false,
    description:
      'facts the platform does not hold, proved by the uploaded document: …DocumentId is the id of the upload ' +
      '(POST /api/cases/{id}/subsidy-evidence), which the reviewer opens from the application',
  },
);

/** 已缴费用 (a cost actually paid) with the record proving it, as the subsidy facts count it. */
export const SubsidyCostPaid = Type.Object({
  costId: Type.String(),
  kind: Type.String({
    description: 'interest | guarantee_fee | insurance_premium | evaluation_fee | service_fee',
  }),
  amountYuan: YuanString,
  paidOn: IsoDate,
  proof: Type.Object({
    kind: Type.String(),
    id: Type.String(),
    documentId: Type.Optional(Uuid),
  }),
});

/** 费用缴付记录 (an evaluation or service fee the enterprise paid). */
export const FeePayment = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  enterpriseId: Uuid,
  payeeOrganisationId: Uuid,
  payeeNameZh: Type.String(),
  payeeNameEn: Type.String(),
  kind: Type.String({ description: 'evaluation_fee | service_fee' }),
  amountYuan: YuanString,
  paidDate: IsoDate,
  invoiceNumber: Type.String(),
  evidenceAttachmentId: Type.Union([Uuid, Type.Null()]),
  recordedBy: Type.String({ description: 'payee | enterprise (with the invoice, checked by the reviewer)' }),
  recordedByUserId: Uuid,
  createdAt: Type.String(),
});
export type FeePayment = Static<typeof FeePayment>;

/** 收款机构候选 (an institution a fee of the case may have been paid to). */
export const FeePayee = Type.Object({
  organisationId: Uuid,
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.String({ description: 'bank | guarantor | insurer | evaluation_firm' }),
});

export const RecordFeePaymentBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('evaluation_fee'), Type.Literal('service_fee')]),
    amountYuan: YuanString,
    paidDate: IsoDate,
    invoiceNumber: Type.String({ minLength: 1, maxLength: 100 }),
    payeeOrganisationId: Type.Optional(Uuid),
    evidenceAttachmentId: Type.Optional(Uuid),
  },
  {
    additionalProperties: false,
    description:
      'the payee institution records what it was paid (payeeOrganisationId left out); the enterprise names the ' +
      'payee and attaches the uploaded invoice (evidenceAttachmentId)',
  },
);

/** One scheme for one loan: every condition with its proof, the amount step by step, any live application. */
export const SubsidyEligibility = Type.Object({
  caseId: Uuid,
  caseNumber: Type.String(),
  loanStatus: Type.String(),
  principalYuan: YuanString,
  disbursementDate: IsoDate,
  closedDate: Type.Union([IsoDate, Type.Null()]),
  costsPaid: Type.Array(SubsidyCostPaid),
  schemes: Type.Array(
    Type.Object({
      schemeVersionId: Uuid,
      schemeId: Type.String(),
      version: Type.Integer(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      subsidyYear: Type.Integer(),
      eligible: Type.Boolean(),
      totalYuan: YuanString,
      evaluation: Json,
      application: Type.Union([Type.Object({ id: Uuid, state: Type.String() }), Type.Null()]),
    }),
  ),
});
export const SubsidyEligibilityList = Type.Array(SubsidyEligibility);
export type SubsidyEligibility = Static<typeof SubsidyEligibility>;
export const SubsidyEligibilityQuery = Type.Object(
  { enterpriseId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

/** The decision trail shared by subsidy and reward applications: who reviewed and approved, why rejected or
 * clawed back, the payment, and the row's version and times. */
export const SubsidyDecisionFields = {
  reviewedByUserId: Type.Union([Uuid, Type.Null()]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  approvedByUserId: Type.Union([Uuid, Type.Null()]),
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  clawbackReason: Type.Union([Type.String(), Type.Null()]),
  payment: Type.Union([
    Type.Object({ amountYuan: YuanString, paidDate: IsoDate, reference: Type.String() }),
    Type.Null(),
  ]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

/** 补贴申请. */
export const SubsidyApplication = Type.Object({
  id: Uuid,
  applicationNumber: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  district: Type.String(),
  schemeVersionId: Uuid,
  schemeId: Type.String(),
  schemeNameZh: Type.String(),
  schemeNameEn: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  subsidyYear: Type.Integer(),
  state: Type.String(),
  requestedYuan: YuanString,
  grantedYuan: Type.Union([YuanString, Type.Null()]),
  evaluation: Json,
  declared: Type.Record(Type.String(), Type.String()),
  ...SubsidyDecisionFields,
  /** The city's reviewer when the scheme asks for a city review (`reviewedByUserId` is the district's). */
  cityReviewedByUserId: Type.Union([Uuid, Type.Null()]),
  /** The scheme asks for a city review after the district's: only `city_reviewed` is then ready for approval. */
  requiresCityReview: Type.Boolean(),
});
export type SubsidyApplication = Static<typeof SubsidyApplication>;
export const SubsidyApplicationPage = PageOf(SubsidyApplication);

export const SubsidyApplicationListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(ApplicationState),
    schemeId: Type.Optional(Type.String({ maxLength: 100 })),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const CreateSubsidyApplicationBody = Type.Object(
  {
    caseId: Uuid,
    schemeVersionId: Uuid,
    subsidyYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    declared: Type.Optional(DeclaredFacts),
  },
  { additionalProperties: false },
);

export const ReviewSubsidyApplicationBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('pass'), Type.Literal('reject')]),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const ApproveSubsidyApplicationBody = Type.Object(
  { expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const PaySubsidyApplicationBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 100 }),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const ClawBackSubsidyApplicationBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
