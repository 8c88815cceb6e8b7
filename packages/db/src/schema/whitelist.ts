import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './parties.ts';

/**
 * 白名单轮次 (a whitelist round, issue 10 item 2): the city IP bureau releases, to each participating bank, an
 * anonymised dataset of the enterprises that opted in to the programme. `state`: `draft` → `open` → `released` →
 * `closed`. `featureSet`: the feature names (`WhitelistFeatureName` of `@ipf/domain/whitelist`) each release
 * carries. `k`: every combination of generalised quasi-identifiers holds at least k enterprises.
 * `scorecardQuota`: how many scorecards (accepted and refused alike) one bank may submit in this round.
 * `noiseEpsilon`: the privacy budget ε spent on noisy counts per release, null for none.
 */
export const whitelistRounds = pgTable(
  'whitelist_rounds',
  {
    id: uuid('id').primaryKey(),
    /** `WLR-2026-11`, the second and later rounds of a month `WLR-2026-11-2`. */
    roundNumber: text('round_number').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    k: integer('k').notNull().default(5),
    featureSet: jsonb('feature_set').$type<string[]>().notNull(),
    scorecardQuota: integer('scorecard_quota').notNull().default(3),
    noiseEpsilon: numeric('noise_epsilon', { precision: 10, scale: 4 }),
    state: text('state').notNull(),
    /** The bureau running the round: the recipient of the programme consents. */
    bureauOrganisationId: uuid('bureau_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    openedByUserId: uuid('opened_by_user_id').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    releasedByUserId: uuid('released_by_user_id').references(() => users.id),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }),
    /** The Asia/Shanghai date of the release: the day opt-ins are judged valid on. */
    releaseDate: date('release_date', { mode: 'string' }),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_rounds_number_uq').on(t.roundNumber),
    index('whitelist_rounds_state_idx').on(t.state, t.createdAt),
  ],
);

/**
 * A bank (head office or unit) taking part in a round, with its own pseudonym secret (32 random bytes, hex,
 * AES-256-GCM encrypted at rest like enterprise contacts): pseudonyms are HMAC-SM3(secret, enterprise id), so they
 * cannot be linked across banks or rounds.
 */
export const whitelistRoundBanks = pgTable(
  'whitelist_round_banks',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => whitelistRounds.id),
    bankOrganisationId: uuid('bank_organisation_id')
      .notNull()
      .references(() => organisations.id),
    pseudonymSecretEnc: text('pseudonym_secret_enc').notNull(),
    addedByUserId: uuid('added_by_user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_round_banks_uq').on(t.roundId, t.bankOrganisationId),
    index('whitelist_round_banks_bank_idx').on(t.bankOrganisationId),
  ],
);

/**
 * 匿名化数据集 released to one bank in one round: the released rows (pseudonym, generalised quasi-identifiers,
 * features; never a name, code, exact date or contact) and the facts of the anonymisation — k, the generalisation
 * levels chosen, how many records were suppressed, the smallest equivalence class — and, with noise, ε spent and
 * the noisy counts.
 */
export const whitelistReleases = pgTable(
  'whitelist_releases',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => whitelistRounds.id),
    bankOrganisationId: uuid('bank_organisation_id')
      .notNull()
      .references(() => organisations.id),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull(),
    releasedByUserId: uuid('released_by_user_id')
      .notNull()
      .references(() => users.id),
    k: integer('k').notNull(),
    levels: jsonb('levels').$type<Record<string, unknown>>().notNull(),
    suppressedCount: integer('suppressed_count').notNull(),
    smallestClass: integer('smallest_class').notNull(),
    rowCount: integer('row_count').notNull(),
    rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull(),
    epsilonSpent: numeric('epsilon_spent', { precision: 10, scale: 4 }),
    noisyCounts: jsonb('noisy_counts').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('whitelist_releases_round_bank_uq').on(t.roundId, t.bankOrganisationId)],
);

/**
 * The full-fidelity rows behind a release, kept inside the platform's boundary: pseudonym → enterprise and its
 * exact features at release time. Scorecards run on these; the push (W-push) reveals identities from them.
 * `released`: false for a record suppressed from the bank's file (it is never graded for that bank).
 * Never returned to a bank.
 */
export const whitelistReleaseMembers = pgTable(
  'whitelist_release_members',
  {
    id: uuid('id').primaryKey(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => whitelistReleases.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => whitelistRounds.id),
    bankOrganisationId: uuid('bank_organisation_id')
      .notNull()
      .references(() => organisations.id),
    pseudonym: text('pseudonym').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    features: jsonb('features').$type<Record<string, unknown>>().notNull(),
    released: boolean('released').notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_release_members_pseudonym_uq').on(t.roundId, t.bankOrganisationId, t.pseudonym),
    uniqueIndex('whitelist_release_members_enterprise_uq').on(
      t.roundId,
      t.bankOrganisationId,
      t.enterpriseId,
    ),
  ],
);

/**
 * 评分卡 a bank submitted for compute-to-data scoring (issue 10 item 3a): a declarative definition (features,
 * bins, points, grades, cut-off; no code). `state`: `accepted` (run, grades stored) | `refused` (problems kept).
 * Refused scorecards count toward the round's quota too.
 */
export const whitelistScorecards = pgTable(
  'whitelist_scorecards',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => whitelistRounds.id),
    bankOrganisationId: uuid('bank_organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    state: text('state').notNull(),
    problems: jsonb('problems').$type<Record<string, unknown>[]>().notNull(),
    gradedCount: integer('graded_count').notNull().default(0),
    submittedByUserId: uuid('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('whitelist_scorecards_round_bank_idx').on(t.roundId, t.bankOrganisationId)],
);

/**
 * 预评估等级: pseudonym → grade for one bank in one round, from a scorecard run (`source = 'scorecard'`, one row
 * per scorecard) or the bank's upload (`source = 'upload'`, one row; a new upload replaces it). `sourceKey` is the
 * scorecard id or `upload`, so the unique index holds one grade per pseudonym and source. `enterpriseId` is never
 * returned to the bank.
 */
export const whitelistGrades = pgTable(
  'whitelist_grades',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => whitelistRounds.id),
    bankOrganisationId: uuid('bank_organisation_id')
      .notNull()
      .references(() => organisations.id),
    pseudonym: text('pseudonym').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    grade: text('grade').notNull(),
    source: text('source').notNull(),
    scorecardId: uuid('scorecard_id').references(() => whitelistScorecards.id),
    sourceKey: text('source_key').notNull(),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_grades_uq').on(t.roundId, t.bankOrganisationId, t.pseudonym, t.sourceKey),
    index('whitelist_grades_enterprise_idx').on(t.enterpriseId),
  ],
);
