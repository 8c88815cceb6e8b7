import { Type, type Static } from '@sinclair/typebox';
import { complianceFlagKinds } from '@ipf/domain/whitelist';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from './common.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** 合规标记 (compliance flag, issue 10 item 4) as the bureau and the enterprise read it. */
export const ComplianceFlag = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  uscc: Type.String(),
  district: Type.String(),
  kind: Type.String({
    description:
      'abnormal_operation | serious_dishonesty | dishonest_debtor | tax_violation | ip_infringement',
  }),
  sourceAuthority: Type.String(),
  sourceReference: Type.String(),
  effectiveOn: IsoDate,
  note: NullableString,
  recordedBy: Type.String(),
  recordedAt: IsoDateTime,
  clearedOn: Type.Union([IsoDate, Type.Null()]),
  clearReason: NullableString,
  clearedBy: NullableString,
  clearedAt: Type.Union([IsoDateTime, Type.Null()]),
  active: Type.Boolean({ description: 'holds today: effectiveOn ≤ today < clearedOn' }),
});
export type ComplianceFlag = Static<typeof ComplianceFlag>;

export const ComplianceFlagQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100, description: 'part of the name or USCC' })),
    kind: Type.Optional(Type.Union(complianceFlagKinds.map((k) => Type.Literal(k)))),
    active: Type.Optional(Type.Boolean()),
    enterpriseId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RecordComplianceFlagBody = Type.Object(
  {
    enterpriseId: Uuid,
    kind: Type.String({ minLength: 1, maxLength: 40, description: 'a recorded kind (not platform_default)' }),
    sourceAuthority: Type.String({ minLength: 2, maxLength: 100 }),
    sourceReference: Type.String({ minLength: 2, maxLength: 100 }),
    effectiveOn: IsoDate,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type RecordComplianceFlagBody = Static<typeof RecordComplianceFlagBody>;

export const ClearComplianceFlagBody = Type.Object(
  { clearedOn: IsoDate, reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ClearComplianceFlagBody = Static<typeof ClearComplianceFlagBody>;

export const ComplianceFlagImportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], {
        description: 'default: from the Content-Type (text/csv → csv, otherwise xlsx)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** 合规标记批量导入结果: counts, and the rows skipped because that kind of flag already holds for the enterprise. */
export const ComplianceFlagImportResult = Type.Object({
  importId: Uuid,
  totalRows: Type.Integer(),
  recorded: Type.Integer(),
  skippedDuplicates: Type.Integer(),
  skipped: Type.Array(Type.Object({ rowNumber: Type.Integer(), uscc: Type.String(), kind: Type.String() })),
  fileSha256: Type.String(),
});
export type ComplianceFlagImportResult = Static<typeof ComplianceFlagImportResult>;
