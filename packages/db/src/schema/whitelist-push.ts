import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { financingCases } from './ledger.ts';
import { consents, organisations, users } from './parties.ts';

/**
 * 白名单规则 (whitelist rules, issue 10 item 4): the bureau's published rules as versioned data with the day they
 * take effect; a whitelist is built under the version in effect on the build day. `rules` holds the domain's
 * `WhitelistRules` (thresholds and credit bands; money as decimal strings of fen in JSON).
 */
export const whitelistRuleSets = pgTable(
  'whitelist_rule_sets',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    publishedByUserId: uuid('published_by_user_id')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('whitelist_rule_sets_version_uq').on(t.version)],
);

/**
 * 白名单条目: one row per round × bank × graded enterprise, whether included or not, with the reasons and the
 * suggested credit band. Only the bureau reads it before the push (a bank learns identities only by a push).
 * `roundId` names a `whitelist_rounds` row (no foreign key: the rounds module migrates on its own).
 */
export const whitelistEntries = pgTable(
  'whitelist_entries',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    /** The bank's head office (总行) that took part in the round. */
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    grade: text('grade').notNull(),
    included: boolean('included').notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    creditBandLowFen: bigint('credit_band_low_fen', { mode: 'bigint' }),
    creditBandHighFen: bigint('credit_band_high_fen', { mode: 'bigint' }),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => whitelistRuleSets.id),
    /** The IP record the rules read (valuation score, valid invention patents, growth, compliance flags). */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_entries_uq').on(t.roundId, t.bankId, t.enterpriseId),
    index('whitelist_entries_bank_idx').on(t.bankId, t.included),
  ],
);

/**
 * 白名单推送: one push of a round's whitelist to one bank, `on_demand` by the bureau or by the monthly `schedule`;
 * a scheduled push happens at most once per round × bank × month (`pushMonth`, Asia/Shanghai).
 */
export const whitelistPushes = pgTable(
  'whitelist_pushes',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    /** `schedule` | `on_demand`. */
    trigger: text('trigger').notNull(),
    /** `YYYY-MM` in Asia/Shanghai. */
    pushMonth: text('push_month').notNull(),
    pushedAt: timestamp('pushed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Null for the schedule (the system). */
    pushedByUserId: uuid('pushed_by_user_id').references(() => users.id),
    entryCount: integer('entry_count').notNull(),
  },
  (t) => [
    uniqueIndex('whitelist_pushes_schedule_uq')
      .on(t.roundId, t.bankId, t.pushMonth)
      .where(sql`${t.trigger} = 'schedule'`),
    index('whitelist_pushes_bank_idx').on(t.bankId, t.pushedAt),
  ],
);

/**
 * 推送名单: an enterprise pushed to a bank (once per round × bank), the ledger lead it became and the bank's
 * contact mark (已联系), which the tracking reads together with the case's state.
 */
export const whitelistPushEntries = pgTable(
  'whitelist_push_entries',
  {
    id: uuid('id').primaryKey(),
    pushId: uuid('push_id')
      .notNull()
      .references(() => whitelistPushes.id),
    roundId: uuid('round_id').notNull(),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    bankUnitId: uuid('bank_unit_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => whitelistEntries.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    pushedAt: timestamp('pushed_at', { withTimezone: true, mode: 'date' }).notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true, mode: 'date' }),
    contactedByUserId: uuid('contacted_by_user_id').references(() => users.id),
    contactNote: text('contact_note'),
  },
  (t) => [
    uniqueIndex('whitelist_push_entries_uq').on(t.roundId, t.bankId, t.enterpriseId),
    index('whitelist_push_entries_enterprise_idx').on(t.enterpriseId),
    index('whitelist_push_entries_bank_unit_idx').on(t.bankUnitId),
    uniqueIndex('whitelist_push_entries_case_uq').on(t.caseId),
  ],
);

/** 反向评估申请: a bank unit submits applicants (with the consents it holds) for a professional evaluation. */
export const reverseEvaluationRequests = pgTable(
  'reverse_evaluation_requests',
  {
    id: uuid('id').primaryKey(),
    requestNumber: text('request_number').notNull(),
    bankUnitId: uuid('bank_unit_id')
      .notNull()
      .references(() => organisations.id),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('reverse_evaluation_requests_number_uq').on(t.requestNumber),
    index('reverse_evaluation_requests_unit_idx').on(t.bankUnitId, t.requestedAt),
  ],
);

/**
 * 反向评估报告: one per applicant of a request, citable by its number: the latest valuation on record, the IP
 * record and health-check risks, and risk flags, as of the day it was produced, under the consent it relied on.
 */
export const reverseEvaluationReports = pgTable(
  'reverse_evaluation_reports',
  {
    id: uuid('id').primaryKey(),
    reportNumber: text('report_number').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => reverseEvaluationRequests.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    asOfDate: date('as_of_date', { mode: 'string' }).notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('reverse_evaluation_reports_number_uq').on(t.reportNumber),
    index('reverse_evaluation_reports_request_idx').on(t.requestId),
    index('reverse_evaluation_reports_enterprise_idx').on(t.enterpriseId),
  ],
);
