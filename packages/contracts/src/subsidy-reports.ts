import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Uuid, YuanString } from './common.ts';

export const SubsidySimulationBody = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2100,
        description: 'Calendar year; default the last year ended',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SubsidySimulationBody = Static<typeof SubsidySimulationBody>;

export const SubsidySimulation = Type.Object({
  schemeVersionId: Uuid,
  schemeId: Type.String(),
  version: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  state: Type.String(),
  year: Type.Integer(),
  asOfDate: IsoDate,
  assumedEffectiveFrom: Type.Union([IsoDate, Type.Null()], {
    description:
      'Set when the scheme takes effect only after the year: simulated as if in effect from this day',
  }),
  loansEvaluated: Type.Integer(),
  loansEligible: Type.Integer(),
  totalYuan: YuanString,
  budgetTotalYuan: Type.Union([YuanString, Type.Null()]),
  budgetUsedYuan: YuanString,
  budgetUsePct: Type.Union([Type.String(), Type.Null()]),
  exceedsBudget: Type.Boolean(),
  byDistrict: Type.Array(
    Type.Object({
      district: Type.String(),
      loans: Type.Integer(),
      enterprises: Type.Integer(),
      totalYuan: YuanString,
    }),
  ),
  byEnterprise: Type.Array(
    Type.Object({
      enterpriseId: Uuid,
      enterpriseName: Type.String(),
      district: Type.String(),
      loans: Type.Integer(),
      totalYuan: YuanString,
    }),
  ),
});
export type SubsidySimulation = Static<typeof SubsidySimulation>;

export const SubsidyReportQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    schemeId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type SubsidyReportQuery = Static<typeof SubsidyReportQuery>;

const SubsidyReportRow = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  grantedCount: Type.Integer(),
  grantedYuan: YuanString,
  paidCount: Type.Integer(),
  paidYuan: YuanString,
  clawedBackCount: Type.Integer(),
  clawedBackYuan: YuanString,
});

export const SubsidyReport = Type.Object({
  year: Type.Union([Type.Integer(), Type.Null()]),
  schemeId: Type.Union([Type.String(), Type.Null()]),
  total: SubsidyReportRow,
  byScheme: Type.Array(SubsidyReportRow),
  byDistrict: Type.Array(SubsidyReportRow),
  byEnterprise: Type.Array(SubsidyReportRow),
  byInstitution: Type.Array(SubsidyReportRow),
});
export type SubsidyReport = Static<typeof SubsidyReport>;
