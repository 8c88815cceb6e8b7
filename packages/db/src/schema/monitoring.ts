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
import { ipAssets } from './ip-assets.ts';
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';

/**
 * 押品监测预警 (post-loan alert on a pledged IP asset, issue 6 item 5): raised by the daily scan to the pledgee,
 * `open` → `acknowledged` → `resolved` (by a user, or by the scan once the condition cleared). Unique per case,
 * asset, kind and due date, so rescans never duplicate; a rescan may only raise the severity of an unresolved one.
 */
export const pledgeAlerts = pgTable(
  'pledge_alerts',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    /** The pledgee (bank head office or guarantor) the alert is for. */
    pledgeeOrganisationId: uuid('pledgee_organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    detectedOn: date('detected_on', { mode: 'string' }).notNull(),
    /** The rule the alert comes from (regulation and article). */
    source: text('source').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    state: text('state').notNull(),
    acknowledgedByUserId: uuid('acknowledged_by_user_id').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    /** Null with `resolvedAt` set: resolved by the scan because the condition cleared. */
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pledge_alerts_uq').on(t.caseId, t.assetId, t.kind, t.dueDate),
    index('pledge_alerts_pledgee_idx').on(t.pledgeeOrganisationId, t.state, t.dueDate),
    index('pledge_alerts_case_idx').on(t.caseId),
  ],
);

/**
 * 代缴年费 (annual fee paid by the pledgee on the owner's behalf): the patent year it covers through
 * `paidThroughDate`, and whether the pledge contract adds it to the secured amount (民法典 art. 389: 保管担保财产
 * 的费用 is secured unless the contract says otherwise).
 */
export const feePaymentsOnBehalf = pgTable(
  'fee_payments_on_behalf',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** 年度: the patent year paid for (1 = first year from filing). */
    feeYear: integer('fee_year').notNull(),
    paidThroughDate: date('paid_through_date', { mode: 'string' }).notNull(),
    addedToSecuredAmount: boolean('added_to_secured_amount').notNull(),
    reference: text('reference'),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('fee_payments_on_behalf_year_uq').on(t.caseId, t.assetId, t.feeYear),
    index('fee_payments_on_behalf_asset_idx').on(t.assetId, t.paidThroughDate),
  ],
);
