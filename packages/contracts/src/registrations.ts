import { Type } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const RegistrationMaterial = literals([
  'application_form',
  'pledge_contract',
  'identity_or_commitment_letter',
  'power_of_attorney',
  'valuation_report',
  'co_owner_consents',
  'prior_licence_contracts',
] as const);

/** A refusal ground or a missing material, with its regulation's numbered ground and messages in both languages. */
export const RegistrationItem = Type.Object({
  code: Type.String(),
  field: Type.String(),
  params: Type.Record(Type.String(), Type.String()),
  regulation: Nullable(Type.String()),
  groundItem: Nullable(Type.Integer()),
  assetId: Nullable(Type.String()),
  messageZh: Type.String(),
  messageEn: Type.String(),
});

/** 质押登记 (pledge registration) of a case with one authority. */
export const PledgeRegistration = Type.Object({
  id: Uuid,
  caseId: Uuid,
  authorityId: Type.String(),
  authorityZh: Type.String(),
  authorityEn: Type.String(),
  state: Type.String(),
  stateZh: Type.String(),
  stateEn: Type.String(),
  applicationNumber: Type.String(),
  registrationNumber: Nullable(Type.String()),
  pledgorOrganisationId: Uuid,
  pledgeeOrganisationId: Uuid,
  securedAmountYuan: YuanString,
  filingDate: IsoDate,
  periodStartDate: IsoDate,
  dueDate: IsoDate,
  decisionDate: Nullable(IsoDate),
  withinTimeLimit: Nullable(Type.Boolean()),
  workingDaysToDecision: Nullable(Type.Integer()),
  correctionRequestedDate: Nullable(IsoDate),
  periodEndDate: Nullable(IsoDate),
  channel: Type.String(),
  materials: Type.Array(Type.String()),
  assetIds: Type.Array(Uuid),
  refusalGrounds: Type.Array(RegistrationItem),
  missingMaterials: Type.Array(RegistrationItem),
  notice: Nullable(Type.Record(Type.String(), Type.Unknown())),
  events: Type.Array(
    Type.Object({
      event: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      occurredAt: IsoDateTime,
    }),
  ),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

const FilerStatements = {
  coOwnerConsentPartyIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  consentsAfterNotice: Type.Optional(
    Type.Object(
      {
        invalidationRequested: Type.Optional(Type.Boolean()),
        sameDayDualApplication: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
  ),
  materials: Type.Optional(Type.Array(RegistrationMaterial, { maxItems: 7 })),
};

export const SubmitRegistrationBody = Type.Object(
  {
    ...FilerStatements,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the case version read' })),
  },
  { additionalProperties: false },
);
export const RegistrationCorrectionBody = Type.Object(FilerStatements, { additionalProperties: false });
export const RegistrationChangeBody = Type.Object(
  {
    pledgorName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    pledgeeName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    securedAmountYuan: Type.Optional(YuanString),
    debtMaturityDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export const RegistrationExtensionBody = Type.Object(
  { newPeriodEndDate: IsoDate },
  { additionalProperties: false },
);
export const RegistrationCancellationBody = Type.Object(
  {
    reason: literals([
      'debt_performed',
      'pledge_realised',
      'pledgee_waived',
      'contract_terminated',
      'court_order',
    ] as const),
  },
  { additionalProperties: false },
);

const Figures = {
  filedCount: Type.Integer(),
  registeredCount: Type.Integer(),
  registeredOnlineCount: Type.Integer(),
  onlineSharePct: Nullable(Type.String()),
  medianWorkingDays: Nullable(Type.String()),
  meanWorkingDays: Nullable(Type.String()),
  provisional: Type.Boolean(),
};
/** 登记统计: per institution, and pilot vs non-pilot institutions. */
export const RegistrationStatistics = Type.Object({
  byInstitution: Type.Array(
    Type.Object({
      ...Figures,
      institutionId: Type.String(),
      institutionName: Type.String(),
      pilot: Type.Boolean(),
    }),
  ),
  pilot: Type.Object(Figures),
  nonPilot: Type.Object(Figures),
});
