import { Type, type Static } from '@sinclair/typebox';
import { ipAssetFlagCodes, ipAssetKindCodes, ipLegalStatusCodes } from '@ipf/domain/ip-asset';
import { IsoDate, PageQuery, ProblemItem, Uuid } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NullableDate = Type.Union([IsoDate, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const IpAssetKind = literals(ipAssetKindCodes);
export const IpLegalStatus = literals(ipLegalStatusCodes);
export const IpAssetFlag = literals(ipAssetFlagCodes);
export const IpAssetHealthFilter = Type.Union([
  Type.Literal('expiring'),
  Type.Literal('fees_due'),
  Type.Literal('disputed'),
]);

const searchFields = {
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'number (ZL, dots and spaces allowed) or title, partial' }),
  ),
  owner: Type.Optional(Type.String({ maxLength: 100, description: 'owner name, partial' })),
  ownerEnterpriseId: Type.Optional(Uuid),
  classCode: Type.Optional(
    Type.String({ maxLength: 20, description: 'IPC prefix (G06F) or Nice class (9)' }),
  ),
  kind: Type.Optional(IpAssetKind),
  legalStatus: Type.Optional(IpLegalStatus),
  flag: Type.Optional(IpAssetFlag),
};
export const IpAssetQuery = Type.Object(
  { ...searchFields, health: Type.Optional(IpAssetHealthFilter), ...PageQuery },
  { additionalProperties: false },
);
export const IpAssetExportQuery = Type.Object(
  { ...searchFields, health: Type.Optional(IpAssetHealthFilter), lang: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const IpAssetHealthQuery = Type.Object(searchFields, { additionalProperties: false });

export const IpAssetOwner = Type.Object({
  enterpriseId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  shareBps: Type.Integer({ minimum: 1, maximum: 10000 }),
});
export const IpAssetHealth = Type.Object({
  expiringSoon: Type.Boolean(),
  feesDue: Type.Boolean(),
  feesOverdue: Type.Boolean(),
  disputed: Type.Boolean(),
});

export const IpAssetSummary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  number: Type.String(),
  title: Type.String(),
  legalStatus: Type.String(),
  flags: Type.Array(Type.String()),
  owners: Type.Array(IpAssetOwner),
  filingDate: NullableString,
  grantDate: NullableString,
  expiryDate: NullableString,
  annualFeePaidThrough: NullableString,
  ipcClasses: Type.Array(Type.String()),
  niceClasses: Type.Array(Type.Integer()),
  health: IpAssetHealth,
});
export const IpStatusEvent = Type.Object({
  id: Uuid,
  occurredOn: Type.String(),
  legalStatus: Type.String(),
  flags: Type.Array(Type.String()),
  reason: Type.String(),
  note: NullableString,
  recordedAt: Type.String(),
});
export const IpLicence = Type.Object({
  id: Uuid,
  licenseeName: Type.String(),
  kind: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  disclosedToPledgee: Type.Boolean(),
});
export const IpAssetDetail = Type.Intersect([
  IpAssetSummary,
  Type.Object({
    pctNationalPhase: Type.Boolean(),
    termFacts: Type.Record(Type.String(), Type.Unknown()),
    termBasis: Type.String(),
    baseExpiryDate: NullableString,
    termCompensationDays: Type.Integer(),
    sameDayDualApplication: Type.Boolean(),
    similarMarkAssetIds: Type.Array(Type.String()),
    statusHistory: Type.Array(IpStatusEvent),
    licences: Type.Array(IpLicence),
    source: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
]);

const factFields = {
  number: Type.String({ minLength: 1, maxLength: 64, examples: ['ZL202010566088.9'] }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  filingDate: Type.Optional(NullableDate),
  grantDate: Type.Optional(NullableDate),
  termCompensationDays: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1830 }), Type.Null()])),
  renewalCount: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 20 }), Type.Null()])),
  firstPublicationDate: Type.Optional(NullableDate),
  creationDate: Type.Optional(NullableDate),
  firstCommercialUseDate: Type.Optional(NullableDate),
  validUntil: Type.Optional(NullableDate),
  annualFeePaidThrough: Type.Optional(NullableDate),
  ipcClasses: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })),
  niceClasses: Type.Optional(Type.Array(Type.Integer(), { maxItems: 45 })),
  sameDayDualApplication: Type.Optional(Type.Boolean()),
};
export const CreateIpAssetBody = Type.Object(
  {
    kind: IpAssetKind,
    legalStatus: IpLegalStatus,
    flags: Type.Optional(Type.Array(IpAssetFlag, { maxItems: 5 })),
    ...factFields,
    owners: Type.Optional(
      Type.Array(
        Type.Object(
          {
            enterpriseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            name: Type.Optional(Type.String({ maxLength: 100 })),
            shareBps: Type.Integer(),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateIpAssetBody = Static<typeof CreateIpAssetBody>;
export const UpdateIpAssetBody = Type.Object(
  { kind: IpAssetKind, ...factFields },
  { additionalProperties: false },
);
export type UpdateIpAssetBody = Static<typeof UpdateIpAssetBody>;

export const ChangeIpAssetStatusBody = Type.Object(
  {
    legalStatus: IpLegalStatus,
    flags: Type.Array(IpAssetFlag, { maxItems: 5 }),
    occurredOn: IsoDate,
    reason: Type.String({
      pattern: '^[a-z][a-z_]{1,49}$',
      examples: ['annual_fee_unpaid', 'court_order', 'restored'],
    }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const IpPortfolioHealth = Type.Object({
  total: Type.Integer(),
  inForce: Type.Integer(),
  expiringWithin24Months: Type.Integer(),
  feesDue: Type.Integer(),
  disputed: Type.Integer(),
  asOfDate: Type.String(),
});

export const PledgeEligibilityBody = Type.Object(
  {
    debtMaturityDate: IsoDate,
    decisionDate: Type.Optional(IsoDate),
    pledgeeOrganisationId: Type.Optional(Uuid),
    pledgorEnterpriseId: Type.Optional(Uuid),
    coOwnerConsentPartyIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    coPledgedAssetIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    consentsAfterNotice: Type.Optional(
      Type.Object(
        {
          invalidationRequested: Type.Optional(Type.Boolean()),
          sameDayDualApplication: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PledgeEligibilityBody = Static<typeof PledgeEligibilityBody>;
export const PledgeEligibility = Type.Object({
  assetId: Uuid,
  eligible: Type.Boolean(),
  reasons: Type.Array(
    Type.Object({
      code: Type.String(),
      field: Type.String(),
      message: Type.String(),
      ground: Type.Object({ regulation: Type.String(), item: Type.Union([Type.Integer(), Type.Null()]) }),
    }),
  ),
  decisionDate: Type.String(),
  debtMaturityDate: Type.String(),
  expiryDate: NullableString,
  pledgor: Type.Object({ id: Type.String(), name: Type.String() }),
  pledgee: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
});

export const ImportFormat = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);
export const IpAssetImportQuery = Type.Object(
  {
    format: Type.Optional(ImportFormat),
    commit: Type.Optional(Type.Boolean({ default: false })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const IpAssetTemplateQuery = Type.Object(
  { format: Type.Optional(ImportFormat), lang: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const IpAssetImportReport = Type.Object({
  batchId: Type.Union([Uuid, Type.Null()]),
  format: Type.String(),
  committed: Type.Boolean(),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  invalidRows: Type.Integer(),
  insertedRows: Type.Integer(),
  alreadyRegisteredRows: Type.Integer(),
  expiresAt: NullableString,
  /** Every bad row's problems: field `rows[<row number in the file>].<column>`, message in the request's language. */
  problems: Type.Array(ProblemItem),
  problemsTruncated: Type.Boolean(),
});
