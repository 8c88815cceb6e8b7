import { Type } from '@sinclair/typebox';
import { IsoDate, Uuid, YuanString } from './common.ts';

const Figures = {
  caseCount: Type.Integer({ minimum: 0 }),
  amountYuan: YuanString,
};
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const filterFields = {
  applicationDateFrom: Type.Optional(IsoDate),
  applicationDateTo: Type.Optional(IsoDate),
  district: Type.Optional(Type.String({ maxLength: 40, description: 'district code of the enterprise' })),
  bankId: Type.Optional(Uuid),
  ipKind: Type.Optional(Type.String({ maxLength: 40, description: 'cases pledging an asset of this kind' })),
};

/** 看板筛选: application date range (Asia/Shanghai, both ends included), district, bank head office, IP kind. */
export const LedgerDashboardQuery = Type.Object(filterFields, { additionalProperties: false });

/** 台账看板: counts and amounts by state, district, bank and IP kind; registered pledges by year; NPL ratio. */
export const LedgerDashboardView = Type.Object({
  asOfDate: IsoDate,
  filters: Type.Object(filterFields),
  totals: Type.Object(Figures),
  byState: Type.Array(Type.Object({ state: Type.String(), ...Figures })),
  byDistrict: Type.Array(Type.Object({ district: Nullable(Type.String()), ...Figures })),
  byBank: Type.Array(
    Type.Object({ bankId: Uuid, bankNameZh: Type.String(), bankNameEn: Type.String(), ...Figures }),
  ),
  byIpKind: Type.Array(
    Type.Object(
      {
        ipKind: Nullable(Type.String()),
        ...Figures,
        casesPledgingKind: Type.Integer({ minimum: 0 }),
      },
      {
        description:
          'caseCount/amountYuan: each case under the kind of its first pledged asset (rows sum to the totals); casesPledgingKind: a case under every kind it pledges',
      },
    ),
  ),
  registeredPledgesByYear: Type.Array(
    Type.Object({
      year: Type.Integer(),
      registrationCount: Type.Integer({ minimum: 0 }),
      caseCount: Type.Integer({ minimum: 0 }),
      securedAmountYuan: YuanString,
    }),
  ),
  nonPerformingLoans: Type.Object({
    nonPerformingCaseCount: Type.Integer({ minimum: 0 }),
    nonPerformingAmountYuan: YuanString,
    outstandingCaseCount: Type.Integer({ minimum: 0 }),
    outstandingAmountYuan: YuanString,
    ratioPct: Type.Union([Type.String({ pattern: '^\\d+\\.\\d{2}$', examples: ['2.35'] }), Type.Null()], {
      description:
        'NPL amount ÷ outstanding amount × 100, 2 decimals, rounded half up; null when nothing is outstanding',
    }),
    rounding: Type.Literal('halfUp'),
    nonPerformingStates: Type.Array(Type.String()),
    outstandingStates: Type.Array(Type.String()),
  }),
});

/** 导出台账 (xlsx): the ledger list's filters, no paging; `lang` picks the header language. */
export const CaseExportQuery = Type.Object(
  {
    state: Type.Optional(Type.String()),
    enterpriseId: Type.Optional(Uuid),
    bankUnitId: Type.Optional(Uuid),
    productId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
