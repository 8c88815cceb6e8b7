import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, users } from './parties.ts';

/**
 * 合规标记 (enterprise compliance flag, issue 10 item 4): a fact from an authority that bars the whitelist while it
 * holds — 经营异常名录, 严重违法失信, 失信被执行人, 重大税收违法, 侵权判决 — with its source (authority and
 * document reference), the day it took effect and the day it was cleared (移出/撤销), recorded and cleared by the
 * city bureau. A flag is active on a day d when `effective_on` ≤ d < `cleared_on`. Flags derived from the ledger
 * (`platform_default`) are computed when a whitelist is built and never stored here.
 */
export const complianceFlags = pgTable(
  'compliance_flags',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    /** `abnormal_operation` | `serious_dishonesty` | `dishonest_debtor` | `tax_violation` | `ip_infringement`. */
    kind: text('kind').notNull(),
    /** The authority that decided it (e.g. 深圳市市场监督管理局). */
    sourceAuthority: text('source_authority').notNull(),
    /** The decision's document number or list reference (e.g. 深市监经异〔2026〕12号). */
    sourceReference: text('source_reference').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    clearedOn: date('cleared_on', { mode: 'string' }),
    clearReason: text('clear_reason'),
    clearedByUserId: uuid('cleared_by_user_id').references(() => users.id),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('compliance_flags_enterprise_idx').on(t.enterpriseId, t.effectiveOn),
    index('compliance_flags_kind_idx').on(t.kind, t.clearedOn),
    check(
      'compliance_flags_cleared_after_ck',
      sql`${t.clearedOn} is null or ${t.clearedOn} > ${t.effectiveOn}`,
    ),
  ],
);
