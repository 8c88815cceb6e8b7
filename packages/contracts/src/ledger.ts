import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { IsoDate, PageQuery, Uuid, YuanString } from './common.ts';
import { DueDiligenceChecklist } from './due-diligence.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const RepaymentMethod = literals(['annuity', 'equalPrincipal', 'interestOnly', 'bullet'] as const);
const CombinedModel = literals(['pledge_only', 'plus_guarantee', 'plus_insurance', 'plus_credit'] as const);
const Version = {
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the version read; a newer one is CONFLICT' }),
  ),
};
const Note = { note: Type.Optional(Type.String({ maxLength: 2000 })) };

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** 案件参与机构: an organisation taking part besides the bank; `acceptedAt` null until it accepts. */
export const CaseParticipant = Type.Object({
  organisationId: Uuid,
  organisationNameZh: Type.String(),
  organisationNameEn: Type.String(),
  role: Type.String({ description: 'guarantor | insurer | evaluator' }),
  acceptedAt: Nullable(Type.String()),
  acceptedByUserId: Nullable(Uuid),
});

/** 台账行 (ledger row): money in yuan strings, `daysInState` is the SLA age. */
export const CaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  bankUnitId: Uuid,
  bankUnitName: Type.String(),
  bankId: Uuid,
  productId: Nullable(Uuid),
  state: Type.String(),
  origin: Type.String(),
  leadSource: Nullable(Type.String()),
  amountYuan: Nullable(YuanString),
  termMonths: Nullable(Type.Integer()),
  repaymentMethod: Nullable(Type.String()),
  spreadBps: Nullable(Type.Integer()),
  combinedModel: Nullable(Type.String()),
  pledgeeKind: Type.String(),
  declineReasonCode: Nullable(Type.String()),
  version: Type.Integer(),
  stateEnteredAt: Type.String(),
  daysInState: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A case as the API examples show it: a lead a bank's system created, then risk-evaluated by its clerk. */
const financingCaseExample = {
  id: '0b9e6a52-8d7c-4f3e-9a21-5c4d3b2a1f00',
  caseNumber: 'IPF-2026-000123',
  enterpriseId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  enterpriseName: '深圳市南山精密仪器有限公司',
  bankUnitId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  bankUnitName: '银湾银行深圳南山科技支行',
  bankId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  productId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  state: 'risk_evaluated',
  origin: 'lead',
  leadSource: 'outreach',
  amountYuan: '1000000.00',
  termMonths: 12,
  repaymentMethod: 'annuity',
  spreadBps: 50,
  combinedModel: 'pledge_only',
  pledgeeKind: 'bank',
  declineReasonCode: null,
  version: 3,
  stateEnteredAt: '2026-03-02T02:00:00.000Z',
  daysInState: 0,
  createdAt: '2026-02-27T06:30:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  preparedByUserIds: ['6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f'],
  participants: [],
  assets: [
    {
      assetId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
      kind: 'invention_patent',
      number: 'ZL202010566088.9',
      title: '一种高精度光学测量装置',
    },
  ],
  events: [
    {
      action: 'create_lead',
      fromState: null,
      toState: 'lead',
      actorUserId: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
      actorRole: 'bank_clerk',
      reasonCode: null,
      note: '走访获客',
      occurredAt: '2026-02-27T06:30:00.000Z',
    },
    {
      action: 'record_risk_evaluation',
      fromState: 'applied',
      toState: 'risk_evaluated',
      actorUserId: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
      actorRole: 'bank_clerk',
      reasonCode: null,
      note: null,
      occurredAt: '2026-03-02T02:00:00.000Z',
    },
  ],
  evaluations: [{ kind: 'risk', score: 82, outcome: 'pass' }],
  approvals: [],
  committeeVotes: [],
};

/** 案件详情: the row with its assets, timeline, evaluation chain, approvals and committee votes. */
export const FinancingCase = Type.Intersect(
  [
    CaseSummary,
    Type.Object({
      preparedByUserIds: Type.Array(Type.String()),
      participants: Type.Array(CaseParticipant, {
        description: 'guarantor / insurer / evaluator of the case and whether each accepted (承保)',
      }),
      assets: Type.Array(
        Type.Object({ assetId: Uuid, kind: Type.String(), number: Type.String(), title: Type.String() }),
      ),
      events: Type.Array(
        Type.Object({
          action: Type.String(),
          fromState: Nullable(Type.String()),
          toState: Type.String(),
          actorUserId: Nullable(Type.String()),
          actorRole: Type.String(),
          reasonCode: Nullable(Type.String()),
          note: Nullable(Type.String()),
          occurredAt: Type.String(),
        }),
      ),
      evaluations: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
        description: 'risk, value and credit steps',
      }),
      approvals: Type.Array(
        Type.Object({
          approverUserId: Uuid,
          authorityLevel: Type.Integer(),
          requiredLevel: Nullable(Type.Integer()),
          decision: Type.String(),
          reasonCode: Nullable(Type.String()),
          note: Nullable(Type.String()),
          decidedAt: Type.String(),
        }),
      ),
      committeeVotes: Type.Array(
        Type.Object({
          memberUserId: Uuid,
          vote: Type.String(),
          note: Nullable(Type.String()),
          votedAt: Type.String(),
        }),
      ),
      /** Present on the risk-evaluation answer: the scorecard's score, outcome and reasons. */
      risk: Type.Optional(Type.Unknown()),
      /** Present on a committee vote's answer. */
      committeeOutcome: Type.Optional(Type.String()),
    }),
  ],
  { examples: [financingCaseExample] },
);

export const BankProductView = Type.Object({
  id: Uuid,
  bankId: Uuid,
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  acceptedIpKinds: Type.Array(Type.String()),
  minAmountYuan: YuanString,
  maxAmountYuan: YuanString,
  minTermMonths: Type.Integer(),
  maxTermMonths: Type.Integer(),
  lprTenor: Type.String(),
  minSpreadBps: Type.Integer(),
  maxSpreadBps: Type.Integer(),
  repaymentMethods: Type.Array(Type.String()),
  maxPledgeRateBpsByKind: Type.Record(Type.String(), Type.Integer()),
  combinedModels: Type.Array(Type.String()),
  approvalLevels: Type.Array(
    Type.Object({
      level: Type.Integer(),
      zh: Type.String(),
      en: Type.String(),
      maxAmountYuan: Nullable(YuanString),
    }),
  ),
  creditCommitteeThresholdYuan: Nullable(YuanString),
  disbursementRequiresRegistration: Type.Boolean(),
  allowsInternalEvaluationUpToYuan: Nullable(YuanString),
  riskScorecardId: Type.String(),
  riskScorecardVersion: Type.Integer(),
  dueDiligenceChecklistId: Type.Optional(Type.String()),
  dueDiligenceChecklistVersion: Type.Optional(Type.Integer()),
});

/** 产品手册 row: the product with its bank's name and the units an enterprise may apply to. */
export const BankProductListItem = Type.Intersect([
  BankProductView,
  Type.Object({
    bankNameZh: Type.String(),
    bankNameEn: Type.String(),
    units: Type.Array(
      Type.Object({
        id: Uuid,
        nameZh: Type.String(),
        nameEn: Type.String(),
        bankLevel: Nullable(Type.String()),
      }),
    ),
  }),
]);

/** 待办 by step, oldest wait first, with the next actions the role may take and per-step SLA ages. */
export const WorkQueueView = Type.Object({
  items: Type.Array(Type.Intersect([CaseSummary, Type.Object({ nextActions: Type.Array(Type.String()) })])),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  steps: Type.Array(
    Type.Object({ state: Type.String(), count: Type.Integer(), oldestDaysInState: Type.Integer() }),
  ),
});

const numericRiskFacts = [
  'yearsInOperation',
  'overdueLoansLast24Months',
  'debtToAssetPct',
  'revenueGrowthPct',
  'pendingLitigationCount',
  'grantedInventionPatentCount',
] as const;
const booleanRiskFacts = ['hasAdverseCreditRecord', 'isHighTechEnterprise', 'isOnWhitelist'] as const;
const TaxCreditGrade = literals(['A', 'B', 'M', 'C', 'D'] as const);

/** 风险评分卡 a bank enters with its product: versioned rules over the risk facts, weights and outcome bands. */
export const RiskScorecard = Type.Object(
  {
    scorecardId: Type.String({ minLength: 1, maxLength: 60 }),
    version: Type.Integer({ minimum: 1 }),
    effectiveDate: IsoDate,
    baseScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
    passScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
    referScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
    rules: Type.Array(
      Type.Object(
        {
          ruleId: Type.String({ minLength: 1, maxLength: 60 }),
          zh: Type.String({ minLength: 1, maxLength: 200 }),
          en: Type.String({ minLength: 1, maxLength: 200 }),
          condition: Type.Union([
            Type.Object(
              {
                fact: literals(numericRiskFacts),
                operator: literals(['>=', '<=', '>', '<'] as const),
                threshold: Type.Number(),
              },
              { additionalProperties: false },
            ),
            Type.Object(
              { fact: literals(booleanRiskFacts), operator: Type.Literal('is'), value: Type.Boolean() },
              { additionalProperties: false },
            ),
            Type.Object(
              {
                fact: Type.Literal('taxCreditGrade'),
                operator: Type.Literal('in'),
                values: Type.Array(TaxCreditGrade, { minItems: 1 }),
              },
              { additionalProperties: false },
            ),
          ]),
          points: Type.Integer({ minimum: -1000, maximum: 1000 }),
          knockout: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const BankProductQuery = Type.Object({ bankId: Type.Optional(Uuid) }, { additionalProperties: false });
export const CreateBankProductBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60 }),
    nameZh: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    acceptedIpKinds: Type.Array(Type.String(), { minItems: 1 }),
    minAmountYuan: YuanString,
    maxAmountYuan: YuanString,
    minTermMonths: Type.Integer({ minimum: 1, maximum: 360 }),
    maxTermMonths: Type.Integer({ minimum: 1, maximum: 360 }),
    lprTenor: literals(['1y', '5y'] as const),
    minSpreadBps: Type.Integer({ minimum: -1000, maximum: 2000 }),
    maxSpreadBps: Type.Integer({ minimum: -1000, maximum: 2000 }),
    repaymentMethods: Type.Array(RepaymentMethod, { minItems: 1 }),
    maxPledgeRateBpsByKind: Type.Record(Type.String(), Type.Integer({ minimum: 1, maximum: 10000 })),
    combinedModels: Type.Array(CombinedModel, { minItems: 1 }),
    approvalLevels: Type.Array(
      Type.Object({
        level: Type.Integer({ minimum: 1 }),
        zh: Type.String(),
        en: Type.String(),
        maxAmountYuan: Type.Union([YuanString, Type.Null()]),
      }),
      { minItems: 1 },
    ),
    creditCommitteeThresholdYuan: Type.Union([YuanString, Type.Null()]),
    disbursementRequiresRegistration: Type.Boolean(),
    allowsInternalEvaluationUpToYuan: Type.Union([YuanString, Type.Null()]),
    riskScorecard: Type.Optional(RiskScorecard),
    dueDiligenceChecklist: Type.Optional(DueDiligenceChecklist),
  },
  { additionalProperties: false },
);

export const CaseQuery = Type.Object(
  {
    state: Type.Optional(Type.String()),
    enterpriseId: Type.Optional(Uuid),
    bankUnitId: Type.Optional(Uuid),
    productId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const WorkQueueQuery = Type.Object(
  { state: Type.Optional(Type.String()), ...PageQuery },
  { additionalProperties: false },
);

export const ApplyBody = Type.Object(
  {
    bankUnitId: Uuid,
    productId: Uuid,
    amountYuan: YuanString,
    termMonths: Type.Integer({ minimum: 1, maximum: 360 }),
    repaymentMethod: RepaymentMethod,
    spreadBps: Type.Integer({ minimum: -1000, maximum: 2000 }),
    combinedModel: CombinedModel,
    assetIds: Type.Array(Uuid, { maxItems: 50 }),
    coOwnerConsentPartyIds: Type.Optional(Type.Array(Type.String())),
    consentExpiresOn: IsoDate,
    guarantorOrganisationId: Type.Optional(Uuid),
    insurerOrganisationId: Type.Optional(Uuid),
    leadCaseId: Type.Optional(Uuid),
    ...Version,
  },
  { additionalProperties: false },
);
export const CreateLeadBody = Type.Object(
  {
    enterpriseId: Uuid,
    bankUnitId: Type.Optional(Uuid),
    source: literals(['whitelist_push', 'event', 'outreach'] as const),
    ...Note,
  },
  {
    additionalProperties: false,
    examples: [
      {
        enterpriseId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        bankUnitId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
        source: 'outreach',
        note: '走访获客',
      },
    ],
  },
);
export const RiskEvaluationBody = Type.Object(
  {
    facts: Type.Object(
      {
        yearsInOperation: Type.Number({ minimum: 0 }),
        hasAdverseCreditRecord: Type.Boolean(),
        overdueLoansLast24Months: Type.Integer({ minimum: 0 }),
        debtToAssetPct: Type.Number(),
        revenueGrowthPct: Type.Number(),
        isHighTechEnterprise: Type.Boolean(),
        isOnWhitelist: Type.Boolean(),
        pendingLitigationCount: Type.Integer({ minimum: 0 }),
        taxCreditGrade: literals(['A', 'B', 'M', 'C', 'D'] as const),
        grantedInventionPatentCount: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    ...Version,
    ...Note,
  },
  {
    additionalProperties: false,
    examples: [
      {
        facts: {
          yearsInOperation: 8,
          hasAdverseCreditRecord: false,
          overdueLoansLast24Months: 0,
          debtToAssetPct: 35,
          revenueGrowthPct: 18,
          isHighTechEnterprise: true,
          isOnWhitelist: true,
          pendingLitigationCount: 0,
          taxCreditGrade: 'A',
          grantedInventionPatentCount: 6,
        },
        version: 2,
      },
    ],
  },
);
export const ValueEvaluationBody = Type.Object(
  {
    /** 估值记录: take every field below from a valid valuation on record (then leave them out). */
    valuationId: Type.Optional(Uuid),
    basis: Type.Optional(literals(['formal_report', 'internal_evaluation'] as const)),
    evaluatorName: Type.Optional(Type.String({ maxLength: 200 })),
    /** 评估机构: an admitted firm on the platform, for a formal report entered by hand; its name fills evaluatorName. */
    evaluatorOrganisationId: Type.Optional(Uuid),
    valuers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 })),
    method: Type.Optional(Type.String({ maxLength: 100 })),
    valuationDate: Type.Optional(IsoDate),
    validUntil: Type.Optional(IsoDate),
    assetValues: Type.Optional(
      Type.Array(Type.Object({ assetId: Uuid, valueYuan: YuanString }, { additionalProperties: false }), {
        minItems: 1,
      }),
    ),
    ...Version,
    ...Note,
  },
  {
    additionalProperties: false,
    examples: [
      {
        basis: 'formal_report',
        evaluatorName: '中衡资产评估有限公司',
        valuers: ['王评估', '李评估'],
        method: 'income',
        valuationDate: '2026-02-20',
        validUntil: '2027-02-19',
        assetValues: [{ assetId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', valueYuan: '10000000.00' }],
        version: 3,
      },
    ],
  },
);
export const CreditRatingBody = Type.Object(
  {
    creditRating: Type.String({ minLength: 1, maxLength: 20 }),
    creditLineYuan: YuanString,
    ...Version,
    ...Note,
  },
  {
    additionalProperties: false,
    examples: [{ creditRating: 'A', creditLineYuan: '1000000.00', version: 4 }],
  },
);
export const ApproveBody = Type.Object({ ...Version, ...Note }, { additionalProperties: false });
export const DeclineBody = Type.Object(
  { reasonCode: Type.Optional(Type.String({ maxLength: 60 })), ...Version, ...Note },
  { additionalProperties: false },
);
export const CommitteeVoteBody = Type.Object(
  { vote: literals(['approve', 'reject', 'abstain'] as const), ...Note },
  { additionalProperties: false },
);
export const WithdrawBody = Type.Object({ ...Version, ...Note }, { additionalProperties: false });

/** 承保 (accept a guarantee or insurance) by the guarantor or insurer the case names. */
export const AcceptParticipationBody = Type.Object({ ...Version, ...Note }, { additionalProperties: false });

export const PledgeeCandidateQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 60 })),
    kinds: Type.Optional(
      Type.String({
        pattern: '^(bank|guarantor|insurer)(,(bank|guarantor|insurer))*$',
        description: 'comma-separated kinds, e.g. `bank,guarantor`; all three when absent',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** 机构名录 entry: name, kind and id (and a bank unit's level and head office), nothing more. */
export const PledgeeCandidate = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('bank'), Type.Literal('guarantor'), Type.Literal('insurer')]),
  nameZh: Type.String(),
  nameEn: Type.String(),
  bankLevel: Nullable(Type.String()),
  headOfficeId: Nullable(Uuid),
});
export type PledgeeCandidateDto = Static<typeof PledgeeCandidate>;
