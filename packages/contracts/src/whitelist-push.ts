import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const GradeCode = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
const CreditBand = Type.Object(
  {
    grade: GradeCode,
    minScore: Type.Integer({ minimum: 0, maximum: 100 }),
    bandWan: Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })], {
      description: 'Suggested credit band in 万元 (low, high)',
    }),
  },
  { additionalProperties: false },
);

/** 白名单规则 as the bureau publishes them (issue 10 item 4). */
export const WhitelistRulesBody = Type.Object(
  {
    effectiveFrom: IsoDate,
    minGrade: GradeCode,
    minValidInventionPatents: Type.Integer({ minimum: 0, maximum: 1000 }),
    minValuationScore: Type.Integer({ minimum: 0, maximum: 100 }),
    excludeOverdue: Type.Boolean(),
    creditBands: Type.Array(CreditBand, { minItems: 1, maxItems: 40 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type WhitelistRulesBody = Static<typeof WhitelistRulesBody>;

export const WhitelistRuleSet = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  effectiveFrom: IsoDate,
  rules: Type.Object({
    version: Type.String(),
    effectiveFrom: IsoDate,
    minGrade: Type.String(),
    minValidInventionPatents: Type.Integer(),
    minValuationScore: Type.Integer(),
    excludeOverdue: Type.Boolean(),
    creditBands: Type.Array(
      Type.Object({ grade: Type.String(), minScore: Type.Integer(), bandWan: Type.Array(Type.Integer()) }),
    ),
  }),
  note: Type.Union([Type.String(), Type.Null()]),
  publishedAt: IsoDateTime,
  inEffect: Type.Boolean(),
});
export const WhitelistRuleSetList = Type.Array(WhitelistRuleSet);

export const WhitelistRoundBankBody = Type.Object(
  { roundId: Uuid, bankId: Uuid },
  { additionalProperties: false },
);
export type WhitelistRoundBankBody = Static<typeof WhitelistRoundBankBody>;

export const WhitelistBuildSummary = Type.Object({
  roundId: Uuid,
  bankId: Uuid,
  ruleSetVersion: Type.Integer(),
  graded: Type.Integer(),
  included: Type.Integer(),
  excluded: Type.Integer(),
});

export const WhitelistEntryQuery = Type.Object(
  { roundId: Uuid, bankId: Uuid, included: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type WhitelistEntryQuery = Static<typeof WhitelistEntryQuery>;

export const WhitelistEntryPage = PageOf(
  Type.Object({
    id: Uuid,
    roundId: Uuid,
    bankId: Uuid,
    enterpriseId: Uuid,
    enterpriseName: Type.String(),
    district: Type.String(),
    grade: Type.String(),
    included: Type.Boolean(),
    reasons: Type.Array(Type.String()),
    creditBandLowYuan: Type.Union([YuanString, Type.Null()]),
    creditBandHighYuan: Type.Union([YuanString, Type.Null()]),
    ruleSetVersion: Type.Integer(),
    facts: Type.Record(Type.String(), Type.Unknown()),
    builtAt: IsoDateTime,
    pushedAt: Type.Union([IsoDateTime, Type.Null()]),
  }),
);

export const WhitelistPushSummary = Type.Object({
  pushId: Uuid,
  roundId: Uuid,
  bankId: Uuid,
  trigger: Type.String(),
  pushMonth: Type.String(),
  pushedAt: IsoDateTime,
  entryCount: Type.Integer(),
});

export const WhitelistPushQuery = Type.Object(
  { roundId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type WhitelistPushQuery = Static<typeof WhitelistPushQuery>;

export const WhitelistPushList = Type.Array(
  Type.Object({
    id: Uuid,
    roundId: Uuid,
    roundNumber: Type.String(),
    bankId: Uuid,
    bankNameZh: Type.String(),
    bankNameEn: Type.String(),
    trigger: Type.String(),
    pushMonth: Type.String(),
    pushedAt: IsoDateTime,
    entryCount: Type.Integer(),
  }),
);

const LeadStatus = Type.Union(
  ['pushed', 'contacted', 'applied', 'approved', 'declined', 'disbursed'].map((s) => Type.Literal(s)),
);

export const WhitelistLeadQuery = Type.Object(
  {
    roundId: Type.Optional(Uuid),
    status: Type.Optional(LeadStatus),
    followUpOverdue: Type.Optional(Type.Boolean()),
    search: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type WhitelistLeadQuery = Static<typeof WhitelistLeadQuery>;

export const WhitelistLead = Type.Object({
  id: Uuid,
  roundId: Uuid,
  roundNumber: Type.String(),
  bankId: Uuid,
  bankNameZh: Type.String(),
  bankNameEn: Type.String(),
  bankUnitId: Uuid,
  bankUnitNameZh: Type.String(),
  bankUnitNameEn: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  uscc: Type.String(),
  district: Type.String(),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  grade: Type.String(),
  creditBandLowYuan: Type.Union([YuanString, Type.Null()]),
  creditBandHighYuan: Type.Union([YuanString, Type.Null()]),
  caseId: Uuid,
  caseNumber: Type.String(),
  caseState: Type.String(),
  declineReasonCode: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  pushedAt: IsoDateTime,
  contactedAt: Type.Union([IsoDateTime, Type.Null()]),
  contactNote: Type.Union([Type.String(), Type.Null()]),
  followUpDueOn: IsoDate,
  followUpOverdue: Type.Boolean(),
});
export const WhitelistLeadPage = PageOf(WhitelistLead);

export const WhitelistLeadContactBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type WhitelistLeadContactBody = Static<typeof WhitelistLeadContactBody>;

const ConversionRow = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  pushed: Type.Integer(),
  contacted: Type.Integer(),
  applied: Type.Integer(),
  approved: Type.Integer(),
  declined: Type.Integer(),
  disbursed: Type.Integer(),
  followUpOverdue: Type.Integer(),
  applyRatePct: Type.Union([Type.String(), Type.Null()]),
  disbursementRatePct: Type.Union([Type.String(), Type.Null()]),
});
export const WhitelistConversion = Type.Object({
  total: ConversionRow,
  byBank: Type.Array(ConversionRow),
  byDistrict: Type.Array(ConversionRow),
});

export const ReverseEvaluationBody = Type.Object(
  {
    usccs: Type.Array(Type.String({ minLength: 18, maxLength: 18 }), { minItems: 1, maxItems: 50 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ReverseEvaluationBody = Static<typeof ReverseEvaluationBody>;

export const ReverseEvaluationReport = Type.Object({
  id: Uuid,
  reportNumber: Type.String(),
  requestId: Uuid,
  asOfDate: IsoDate,
  generatedAt: IsoDateTime,
  content: Type.Object({
    enterprise: Type.Object({ id: Uuid, name: Type.String(), uscc: Type.String(), district: Type.String() }),
    consent: Type.Object({ id: Uuid, scope: Type.String(), expiresOn: IsoDate }),
    valuation: Type.Union([
      Type.Object({
        id: Uuid,
        number: Type.String(),
        kind: Type.String(),
        valuationDate: IsoDate,
        validUntil: IsoDate,
        evaluationFirmName: Type.Union([Type.String(), Type.Null()]),
        method: Type.String(),
        valueYuan: YuanString,
        pledgeValueYuan: YuanString,
        score: Type.Union([Type.Integer(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    ipRecord: Type.Object({
      assetCount: Type.Integer(),
      inForceCount: Type.Integer(),
      validInventionPatents: Type.Integer(),
      patentsGrantedLast3y: Type.Integer(),
    }),
    healthRisks: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
    riskFlags: Type.Array(Type.String()),
    overdueCount: Type.Integer(),
  }),
});

export const ReverseEvaluation = Type.Object({
  id: Uuid,
  requestNumber: Type.String(),
  bankUnitId: Uuid,
  bankUnitNameZh: Type.String(),
  bankUnitNameEn: Type.String(),
  requestedAt: IsoDateTime,
  note: Type.Union([Type.String(), Type.Null()]),
  reports: Type.Array(ReverseEvaluationReport),
});
export const ReverseEvaluationList = Type.Array(ReverseEvaluation);

export type WhitelistRuleSet = Static<typeof WhitelistRuleSet>;
export type WhitelistBuildSummary = Static<typeof WhitelistBuildSummary>;
export type WhitelistEntryPage = Static<typeof WhitelistEntryPage>;
export type WhitelistPushSummary = Static<typeof WhitelistPushSummary>;
export type WhitelistPushList = Static<typeof WhitelistPushList>;
export type WhitelistLead = Static<typeof WhitelistLead>;
export type WhitelistLeadPage = Static<typeof WhitelistLeadPage>;
export type WhitelistConversion = Static<typeof WhitelistConversion>;
export type ReverseEvaluationReport = Static<typeof ReverseEvaluationReport>;
export type ReverseEvaluation = Static<typeof ReverseEvaluation>;
