import {
  bigint,
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
import { ipAssets } from './ip-assets.ts';
import { organisations, users } from './parties.ts';

/**
 * 估值记录 (valuation on record, issue 7 items 1, 2, 8): a pre-assessment (AVM), a bank's internal evaluation or
 * a formal report signed by certified valuers, of one asset or a portfolio of one enterprise. The inputs are kept
 * verbatim (jsonb, yuan and percent strings as entered) so that every figure can be recomputed by hand; the
 * results (each approach, indicator score with contributions, sensitivity table) are jsonb of strings; the
 * headline figures are bigint fen columns for lists and the ledger.
 */
export const valuations = pgTable(
  'valuations',
  {
    id: uuid('id').primaryKey(),
    /** 估值编号, e.g. `GZ-2026-000001`. */
    number: text('number').notNull(),
    /** `pre_assessment` | `internal_evaluation` | `formal_report`. */
    kind: text('kind').notNull(),
    /** 评估场景 (GB/T 42748-2023), `financing` by default. */
    scenario: text('scenario').notNull(),
    /** The organisation that made it: evaluation firm, bank unit or the enterprise itself. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    /** The owner enterprise of the valued assets (visibility follows it). */
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    valuationDate: date('valuation_date', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Formal report: firm name, report number, issue date, valuers with certificate numbers. */
    evaluationFirmName: text('evaluation_firm_name'),
    reportNumber: text('report_number'),
    signedOn: date('signed_on', { mode: 'string' }),
    valuers: jsonb('valuers').$type<{ name: string; certificateNumber: string }[]>().notNull(),
    /** Approaches with a positive weight, e.g. `income+market`. */
    method: text('method').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    results: jsonb('results').$type<Record<string, unknown>>().notNull(),
    valueFen: bigint('value_fen', { mode: 'bigint' }).notNull(),
    lowFen: bigint('low_fen', { mode: 'bigint' }).notNull(),
    highFen: bigint('high_fen', { mode: 'bigint' }).notNull(),
    pledgeValueFen: bigint('pledge_value_fen', { mode: 'bigint' }).notNull(),
    maxLoanFen: bigint('max_loan_fen', { mode: 'bigint' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('valuations_number_idx').on(t.number),
    index('valuations_enterprise_idx').on(t.enterpriseId, t.validUntil),
    index('valuations_organisation_idx').on(t.organisationId),
  ],
);

/** 估值资产 (the assets of a valuation), with each asset's value (its share of a bundled licence included). */
export const valuationAssets = pgTable(
  'valuation_assets',
  {
    valuationId: uuid('valuation_id')
      .notNull()
      .references(() => valuations.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    position: integer('position').notNull(),
    valueFen: bigint('value_fen', { mode: 'bigint' }).notNull(),
    /** 指标评分 overall score, two decimals; null for kinds outside GB/T 42748-2023. */
    overallScore: text('overall_score'),
  },
  (t) => [
    uniqueIndex('valuation_assets_pk_idx').on(t.valuationId, t.assetId),
    index('valuation_assets_asset_idx').on(t.assetId),
  ],
);
