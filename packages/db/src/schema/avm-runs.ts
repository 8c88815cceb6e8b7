import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './parties.ts';

/**
 * 批量估值运行记录 (batch AVM runs, issue 7 item 4): who ran it (null for the operator's command line), when,
 * over which scope (an enterprise's portfolio, an asset list, the registry), how many patents, how long it took,
 * and its summary (total value, mean score, bands, kinds, checksum), so a run's figures can be compared with a
 * later one. The per-asset results are not stored: they are pre-assessments recomputed on demand.
 */
export const avmRuns = pgTable(
  'avm_runs',
  {
    id: uuid('id').primaryKey(),
    /** `api` (the batch AVM page or API), `export` (the xlsx export), `cli` (`valuation avm`). */
    source: text('source').notNull(),
    runByUserId: uuid('run_by_user_id').references(() => users.id),
    /** The organisation of the user who ran it; null for the command line. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The runner's role, e.g. `city_bureau`. */
    role: text('role'),
    /** `enterprise` | `assets` | `registry`. */
    scope: text('scope').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    /** Assets requested by an asset-list run (the patents among them are `count`). */
    requestedAssetCount: integer('requested_asset_count'),
    count: integer('count').notNull(),
    asOfDate: date('as_of_date', { mode: 'string' }).notNull(),
    parametersVersion: text('parameters_version').notNull(),
    weightTableVersion: text('weight_table_version').notNull(),
    totalValueFen: bigint('total_value_fen', { mode: 'bigint' }).notNull(),
    /** Two decimals, e.g. `63.41`. */
    meanScore: text('mean_score').notNull(),
    revenueKnownCount: integer('revenue_known_count').notNull(),
    checksum: text('checksum').notNull(),
    loadMs: integer('load_ms').notNull(),
    scoreMs: integer('score_ms').notNull(),
    elapsedMs: integer('elapsed_ms').notNull(),
    /** Distribution by score band and by kind: `{ byBand, byKind }`, each `[{ key, count, valueYuan }]`. */
    summary: jsonb('summary')
      .$type<{
        byBand: { key: string; count: number; valueYuan: string }[];
        byKind: { key: string; count: number; valueYuan: string }[];
      }>()
      .notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('avm_runs_started_idx').on(t.startedAt),
    index('avm_runs_organisation_idx').on(t.organisationId, t.startedAt),
  ],
);
