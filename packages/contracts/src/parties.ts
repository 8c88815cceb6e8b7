import { Type, type Static } from '@sinclair/typebox';
import {
  bankLevels,
  districtCodes,
  industryClusterCodes,
  organisationKindCodes,
  roleCodes,
  sizeClassCodes,
} from '@ipf/domain/party';
import { IsoDate, LabelledCode, PageQuery, Uuid, YuanString } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const OrganisationKind = literals(organisationKindCodes);
export const District = literals(districtCodes);
export const IndustryCluster = literals(industryClusterCodes);
export const SizeClass = literals(sizeClassCodes);
export const BankLevel = literals(bankLevels);
export const Role = literals(roleCodes);
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const Reference = Type.Object({
  districts: Type.Array(LabelledCode),
  industryClusters: Type.Array(LabelledCode),
  sizeClasses: Type.Array(LabelledCode),
  organisationKinds: Type.Array(LabelledCode),
  roles: Type.Array(LabelledCode),
  bankLevels: Type.Array(LabelledCode),
});

export const Organisation = Type.Object({
  id: Uuid,
  kind: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  parentId: Nullable(Type.String()),
  bankLevel: Nullable(Type.String()),
  district: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const OrganisationQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), kind: Type.Optional(OrganisationKind), ...PageQuery },
  { additionalProperties: false },
);
export const CreateOrganisationBody = Type.Object(
  {
    kind: OrganisationKind,
    nameZh: Type.String({ minLength: 2, maxLength: 100 }),
    nameEn: Type.String({ minLength: 2, maxLength: 200 }),
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    bankLevel: Type.Optional(Type.Union([BankLevel, Type.Null()])),
    district: Type.Optional(Type.Union([District, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const User = Type.Object({
  id: Uuid,
  login: Type.String(),
  displayName: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')]),
  secondFactorEnrolled: Type.Boolean(),
  memberships: Type.Array(
    Type.Object({
      organisationId: Uuid,
      organisationNameZh: Type.String(),
      organisationNameEn: Type.String(),
      role: Type.String(),
    }),
  ),
  createdAt: Type.String(),
});
export const UserQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), organisationId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export const CreateUserBody = Type.Object(
  {
    login: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    organisationId: Uuid,
    role: Role,
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;
export const UpdateUserBody = Type.Object(
  { status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]) },
  { additionalProperties: false },
);

export const EnterpriseSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  uscc: Type.String(),
  district: Type.String(),
  cluster: Type.String(),
  sizeClass: Type.String(),
  highTech: Type.Boolean(),
  specialised: Type.Boolean(),
  firstLoan: Type.Boolean(),
  preIpo: Type.Boolean(),
  park: Nullable(Type.String()),
});
export const EnterpriseDetail = Type.Intersect([
  EnterpriseSummary,
  Type.Object({
    foundedOn: Type.String(),
    employees: Type.Integer(),
    registeredCapitalYuan: YuanString,
    address: Type.String(),
    contactName: Type.String({ description: 'masked' }),
    contactPhone: Type.String({ description: 'masked' }),
  }),
]);
export const EnterpriseQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'name or credit code, partial' })),
    district: Type.Optional(District),
    cluster: Type.Optional(IndustryCluster),
    sizeClass: Type.Optional(SizeClass),
    highTech: Type.Optional(Type.Boolean()),
    specialised: Type.Optional(Type.Boolean()),
    firstLoan: Type.Optional(Type.Boolean()),
    preIpo: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const EnterpriseProfileBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 20, examples: ['91440300192317458F'] }),
    district: District,
    cluster: IndustryCluster,
    sizeClass: SizeClass,
    highTech: Type.Boolean(),
    specialised: Type.Boolean(),
    firstLoan: Type.Boolean(),
    preIpo: Type.Boolean(),
    park: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    foundedOn: IsoDate,
    employees: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    registeredCapitalYuan: YuanString,
    address: Type.String({ minLength: 2, maxLength: 200 }),
    contactName: Type.String({ minLength: 1, maxLength: 50 }),
    contactPhone: Type.String({ minLength: 7, maxLength: 20 }),
  },
  { additionalProperties: false },
);
export type EnterpriseProfileBody = Static<typeof EnterpriseProfileBody>;

export const ConsentScope = Type.Union([
  Type.Literal('profile'),
  Type.Literal('ip_assets'),
  Type.Literal('financials'),
  Type.Literal('credit_report'),
]);
export const Consent = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  recipientId: Uuid,
  recipientNameZh: Type.String(),
  recipientNameEn: Type.String(),
  scope: Type.String(),
  purpose: Type.String(),
  grantedAt: Type.String(),
  expiresOn: Type.String(),
  revokedAt: Nullable(Type.String()),
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  caseId: Nullable(
    Type.String({
      description: 'the financing case an application consent is for (purpose `<kind>:<caseId>`)',
    }),
  ),
  caseNumber: Nullable(Type.String({ description: 'that case’s number, e.g. IPF-2026-000123' })),
});
export const GrantConsentBody = Type.Object(
  {
    recipientId: Uuid,
    scope: ConsentScope,
    purpose: Type.String({ minLength: 2, maxLength: 200 }),
    expiresOn: IsoDate,
  },
  { additionalProperties: false },
);
export type GrantConsentBody = Static<typeof GrantConsentBody>;

export const AuditEvent = Type.Object({
  seq: Type.String(),
  occurredAt: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorOrganisationId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  hash: Type.String(),
});
export const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const AuditVerdict = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer(),
  lastHash: Type.Optional(Type.String()),
  brokenAtSeq: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

/** Wire types, for the web client (design.md rule 4: one contract per message). */
export type OrganisationDto = Static<typeof Organisation>;
export type UserDto = Static<typeof User>;
export type EnterpriseSummaryDto = Static<typeof EnterpriseSummary>;
export type EnterpriseDetailDto = Static<typeof EnterpriseDetail>;
export type ConsentDto = Static<typeof Consent>;
export type AuditEventDto = Static<typeof AuditEvent>;
