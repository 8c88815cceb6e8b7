import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { IsoDate, PageOf, PageQuery, Uuid } from './common.ts';
import { Consent } from './parties.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const RoundState = Type.Union(
  [Type.Literal('draft'), Type.Literal('open'), Type.Literal('released'), Type.Literal('closed')],
  { description: 'draft → open → released → closed' },
);
const GradeLetter = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);

/** 白名单计划 as the enterprise sees it (issue 10 item 1). */
export const WhitelistProgramme = Type.Object({
  joined: Type.Boolean(),
  scope: Type.String({ examples: ['whitelist_programme'] }),
  purpose: Type.String(),
  recipientId: Uuid,
  recipientNameZh: Type.String(),
  recipientNameEn: Type.String(),
  maxExpiresOn: IsoDate,
  current: Nullable(Consent),
  history: Type.Array(Consent),
});
export type WhitelistProgramme = Static<typeof WhitelistProgramme>;

export const JoinWhitelistProgrammeBody = Type.Object(
  { expiresOn: IsoDate },
  { additionalProperties: false },
);

/** What the anonymisation of one bank's release came to: k, levels, suppressed rows, smallest class, ε. */
export const WhitelistReleaseFacts = Type.Object({
  releasedAt: Type.String(),
  k: Type.Integer(),
  levels: Type.Record(Type.String(), Type.Unknown(), {
    description: 'generalisation level per quasi-identifier and the hierarchy version',
  }),
  suppressedCount: Type.Integer(),
  smallestClass: Type.Integer(),
  rowCount: Type.Integer(),
  epsilonSpent: Nullable(Type.String()),
});

export const WhitelistRoundBank = Type.Object({
  bankOrganisationId: Uuid,
  bankNameZh: Type.String(),
  bankNameEn: Type.String(),
  bankLevel: Nullable(Type.String()),
  addedAt: Type.String(),
  release: Nullable(WhitelistReleaseFacts),
  scorecardsUsed: Type.Integer(),
});

export const WhitelistRound = Type.Object({
  id: Uuid,
  roundNumber: Type.String({ examples: ['WLR-2026-11'] }),
  title: Type.String(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  k: Type.Integer(),
  featureSet: Type.Array(Type.String()),
  scorecardQuota: Type.Integer(),
  noiseEpsilon: Nullable(Type.String()),
  state: RoundState,
  releaseDate: Nullable(IsoDate),
  createdAt: Type.String(),
  openedAt: Nullable(Type.String()),
  releasedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  banks: Type.Array(WhitelistRoundBank, {
    description: 'every participation for the bureau; a bank sees only its own bank’s',
  }),
});
export type WhitelistRound = Static<typeof WhitelistRound>;
export const WhitelistRoundPage = PageOf(WhitelistRound);

export const WhitelistRoundListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(RoundState),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'round number or title contains' })),
  },
  { additionalProperties: false },
);

export const CreateWhitelistRoundBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 100 }),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    k: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, default: 5 })),
    featureSet: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20 })),
    scorecardQuota: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 3 })),
    noiseEpsilon: Type.Optional(
      Type.String({
        pattern: '^(0\\.\\d{1,4}|[1-9]\\d?(\\.\\d{1,4})?)$',
        description: 'ε of the Laplace noise, e.g. "1.0"',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AddWhitelistRoundBankBody = Type.Object(
  { bankOrganisationId: Uuid },
  { additionalProperties: false },
);

export const WhitelistParticipationParams = Type.Object(
  { id: Uuid, bankId: Uuid },
  { additionalProperties: false },
);

/** One released row: pseudonym, generalised quasi-identifiers, coarsened features; never an identity. */
export const WhitelistReleaseRow = Type.Object({
  pseudonym: Type.String(),
  district: Type.String(),
  cluster: Type.String(),
  sizeClass: Type.String(),
  foundedYear: Type.String(),
  employees: Type.String(),
  features: Type.Record(
    Type.String(),
    Type.Union([Type.Number(), Type.Boolean(), Type.String(), Type.Null()]),
  ),
});

export const WhitelistRelease = Type.Object({
  roundId: Uuid,
  roundNumber: Type.String(),
  bankOrganisationId: Uuid,
  bankNameZh: Type.String(),
  bankNameEn: Type.String(),
  facts: WhitelistReleaseFacts,
  features: Type.Array(Type.String()),
  rows: Type.Array(WhitelistReleaseRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type WhitelistRelease = Static<typeof WhitelistRelease>;

export const WhitelistReleaseQuery = Type.Object(
  { ...PageQuery, pseudonym: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);

export const WhitelistReleaseExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    lang: Type.Optional(Type.String({ description: '`en` for English column headers' })),
  },
  { additionalProperties: false },
);

const ScorecardBin = Type.Object(
  {
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    equals: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Boolean()])),
    points: Type.Integer(),
  },
  { additionalProperties: false },
);

/** 评分卡 (declarative: features, bins, points, grades, cut-off; no code). */
export const WhitelistScorecardBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    features: Type.Array(
      Type.Object(
        {
          feature: Type.String({ maxLength: 40 }),
          bins: Type.Array(ScorecardBin, { minItems: 1, maxItems: 20 }),
          missingPoints: Type.Optional(Type.Integer()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    grades: Type.Array(
      Type.Object({ grade: GradeLetter, minPoints: Type.Integer() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 4 },
    ),
    cutoffPoints: Type.Integer(),
  },
  { additionalProperties: false },
);
export type WhitelistScorecardBody = Static<typeof WhitelistScorecardBody>;

export const WhitelistScorecard = Type.Object({
  id: Uuid,
  roundId: Uuid,
  bankOrganisationId: Uuid,
  name: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
  state: Type.Union([Type.Literal('accepted'), Type.Literal('refused')]),
  problems: Type.Array(Type.Object({ code: Type.String(), field: Type.String(), message: Type.String() })),
  gradedCount: Type.Integer(),
  submittedAt: Type.String(),
});
export type WhitelistScorecard = Static<typeof WhitelistScorecard>;

export const WhitelistGradeUploadBody = Type.Union([
  Type.Object(
    { csv: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'lines `pseudonym,grade`' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      grades: Type.Array(
        Type.Object(
          { pseudonym: Type.String({ minLength: 1, maxLength: 40 }), grade: Type.String({ maxLength: 2 }) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100_000 },
      ),
    },
    { additionalProperties: false },
  ),
]);

export const WhitelistGradeUploadResult = Type.Object({ imported: Type.Integer() });

export const WhitelistGrade = Type.Object({
  pseudonym: Type.String(),
  grade: Type.String(),
  source: Type.Union([Type.Literal('scorecard'), Type.Literal('upload')]),
  scorecardId: Nullable(Uuid),
  scorecardName: Nullable(Type.String()),
  recordedAt: Type.String(),
});
export const WhitelistGradePage = PageOf(WhitelistGrade);

export const WhitelistGradeQuery = Type.Object(
  {
    ...PageQuery,
    source: Type.Optional(Type.Union([Type.Literal('scorecard'), Type.Literal('upload')])),
    scorecardId: Type.Optional(Uuid),
    grade: Type.Optional(GradeLetter),
    pseudonym: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
