import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const expertReviewStates = ['committed', 'drawn', 'concluded'] as const;
export const expertReviewOutcomes = ['confirmed', 'adjusted', 'rejected'] as const;
const Outcome = Type.Union(expertReviewOutcomes.map((o) => Type.Literal(o)));

/** 专家. */
export const Expert = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  ipcExpertise: Type.Array(Type.String()),
  affiliationOrganisationId: Nullable(Uuid),
  affiliationName: Type.String(),
  userId: Nullable(Uuid),
  hasLogin: Type.Boolean(),
  active: Type.Boolean(),
  engagementCount: Type.Integer(),
  version: Type.Integer(),
});
export type Expert = Static<typeof Expert>;
export const ExpertPage = PageOf(Expert);

export const ExpertQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    field: Type.Optional(Type.String({ maxLength: 50 })),
    ipc: Type.Optional(Type.String({ maxLength: 20 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ExpertQuery = Static<typeof ExpertQuery>;

export const ExpertBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    title: Type.Optional(Type.String({ maxLength: 50 })),
    fields: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 20 }),
    ipcExpertise: Type.Array(Type.String({ pattern: '^[A-Ha-h]\\d{2}[A-Za-z]?( ?\\d{1,4}(/\\d{1,6})?)?$' }), {
      maxItems: 30,
      description: 'IPC subclasses or groups, e.g. G06F, H01M 10',
    }),
    affiliationOrganisationId: Type.Optional(Uuid),
    affiliationName: Type.String({ minLength: 1, maxLength: 100 }),
    userId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: '王教授',
        title: '教授',
        fields: ['新一代信息技术'],
        ipcExpertise: ['G06F', 'H04L'],
        affiliationName: '深圳大学',
      },
    ],
  },
);
export type ExpertBody = Static<typeof ExpertBody>;

/** 复核认定. */
export const ExpertReview = Type.Object({
  id: Uuid,
  reviewNumber: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  valuationId: Nullable(Uuid),
  evaluatorOrganisationId: Uuid,
  evaluatorName: Type.String(),
  reportedValueYuan: YuanString,
  expertCount: Type.Integer(),
  requiredIpcPrefixes: Type.Array(Type.String()),
  state: Type.String({ description: expertReviewStates.join(' | ') }),
  hashAlgorithm: Type.String({ description: 'sha256 | sm3' }),
  seedCommitment: Type.String({ description: 'hash(seed), published before the draw' }),
  seed: Nullable(Type.String({ description: 'revealed with the draw' })),
  seedRevealedAt: Nullable(IsoDateTime),
  candidateCount: Nullable(Type.Integer()),
  excludedCount: Nullable(Type.Integer()),
  outcome: Nullable(Type.String({ description: expertReviewOutcomes.join(' | ') })),
  adjustedValueYuan: Nullable(YuanString),
  conclusionReason: Nullable(Type.String()),
  createdAt: IsoDateTime,
  drawnAt: Nullable(IsoDateTime),
  concludedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
  members: Type.Array(
    Type.Object({
      id: Uuid,
      expertId: Uuid,
      expertName: Type.String(),
      affiliationName: Type.String(),
      drawOrder: Type.Integer(),
      drawKey: Type.String(),
      opinionOutcome: Nullable(Type.String()),
      opinionAdjustedValueYuan: Nullable(YuanString),
      opinion: Nullable(Type.String()),
      recordedAt: Nullable(IsoDateTime),
    }),
  ),
});
export type ExpertReview = Static<typeof ExpertReview>;
export const ExpertReviewPage = PageOf(ExpertReview);

export const ExpertReviewQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(Type.Union(expertReviewStates.map((s) => Type.Literal(s)))),
    caseId: Type.Optional(Uuid),
    evaluatorOrganisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ExpertReviewQuery = Static<typeof ExpertReviewQuery>;

export const ExpertReviewBody = Type.Object(
  {
    caseNumber: Type.String({ minLength: 1, maxLength: 40 }),
    evaluatorOrganisationId: Uuid,
    reportedValueYuan: YuanString,
    expertCount: Type.Integer({ minimum: 1, maximum: 15 }),
    requiredIpcPrefixes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 }),
    ),
    valuationId: Type.Optional(Uuid),
    hashAlgorithm: Type.Optional(Type.Union([Type.Literal('sha256'), Type.Literal('sm3')])),
  },
  { additionalProperties: false },
);
export type ExpertReviewBody = Static<typeof ExpertReviewBody>;

export const ExpertReviewDrawBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const ExpertOpinionBody = Type.Object(
  {
    expertId: Uuid,
    outcome: Outcome,
    adjustedValueYuan: Type.Optional(YuanString),
    opinion: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ExpertOpinionBody = Static<typeof ExpertOpinionBody>;

export const ExpertReviewConclusionBody = Type.Object(
  {
    outcome: Outcome,
    adjustedValueYuan: Type.Optional(YuanString),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ExpertReviewConclusionBody = Static<typeof ExpertReviewConclusionBody>;

const DrawCandidate = Type.Object({
  expertId: Type.String(),
  fields: Type.Array(Type.String()),
  ipcExpertise: Type.Array(Type.String()),
  affiliationOrgId: Type.String(),
  priorEngagementCaseIds: Type.Array(Type.String()),
});

/** 抽取验证: the draw re-run from the revealed seed and the recorded candidates. */
export const ExpertDrawVerification = Type.Object({
  reviewId: Uuid,
  reviewNumber: Type.String(),
  hashAlgorithm: Type.String(),
  seedCommitment: Type.String(),
  seed: Type.String(),
  commitmentMatches: Type.Boolean(),
  expertCount: Type.Integer(),
  requiredIpcPrefixes: Type.Array(Type.String()),
  candidates: Type.Array(DrawCandidate),
  conflicts: Type.Object({
    caseId: Type.String(),
    evaluatorOrgId: Type.String(),
    bankOrgId: Type.String(),
    enterpriseOrgId: Type.String(),
    engagedExpertIds: Type.Array(Type.String()),
  }),
  excluded: Type.Array(Type.Object({ expertId: Type.String(), reasons: Type.Array(Type.String()) })),
  recordedExpertIds: Type.Array(Type.String()),
  recomputedExpertIds: Type.Array(Type.String()),
  sameExperts: Type.Boolean(),
});
export type ExpertDrawVerification = Static<typeof ExpertDrawVerification>;
