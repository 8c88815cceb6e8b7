import { sql } from 'drizzle-orm';
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
 * 质押登记 (pledge registration) of a case with one authority (states.md "Pledge registration"). One case may file
 * several times (a refusal, then a new filing); each filing is a row. Dates are Asia/Shanghai calendar days.
 */
export const pledgeRegistrations = pgTable(
  'pledge_registrations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    /** The authority adapter's id (`cnipa_patent`, `cnipa_trademark`, `copyright_centre` …). */
    authorityId: text('authority_id').notNull(),
    state: text('state').notNull(),
    /** 申请号 given by the platform/authority on filing. */
    applicationNumber: text('application_number').notNull(),
    registrationNumber: text('registration_number'),
    pledgorOrganisationId: uuid('pledgor_organisation_id')
      .notNull()
      .references(() => organisations.id),
    pledgeeOrganisationId: uuid('pledgee_organisation_id')
      .notNull()
      .references(() => organisations.id),
    securedAmountFen: bigint('secured_amount_fen', { mode: 'bigint' }).notNull(),
    filingDate: date('filing_date', { mode: 'string' }).notNull(),
    /** Start of the service period: filing, or the day a 补正 was completed. */
    periodStartDate: date('period_start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }),
    withinTimeLimit: boolean('within_time_limit'),
    /** Working days from filing to decision (statistics per institution). */
    workingDaysToDecision: integer('working_days_to_decision'),
    correctionRequestedDate: date('correction_requested_date', { mode: 'string' }),
    /** Items missing (补正) or refusal grounds, as the authority stated them. */
    missingMaterials: jsonb('missing_materials').$type<unknown[]>(),
    refusalGrounds: jsonb('refusal_grounds').$type<unknown[]>(),
    notice: jsonb('notice').$type<Record<string, unknown>>(),
    materials: jsonb('materials').$type<string[]>().notNull(),
    periodEndDate: date('period_end_date', { mode: 'string' }),
    /** `online` (through an adapter) | `offline` (paper filing recorded afterwards). */
    channel: text('channel').notNull().default('online'),
    submittedByUserId: uuid('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pledge_registrations_application_uq').on(t.applicationNumber),
    uniqueIndex('pledge_registrations_number_uq').on(t.registrationNumber),
    index('pledge_registrations_case_idx').on(t.caseId),
    index('pledge_registrations_pledgee_idx').on(t.pledgeeOrganisationId, t.state),
  ],
);

/** 登记事件 (registration timeline): every event with the states before and after. */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: uuid('id').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => pledgeRegistrations.id),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('registration_events_registration_idx').on(t.registrationId, t.occurredAt)],
);

/**
 * 质押锁定 (asset lock): while a registration is filed or on the register the asset is locked to it. The partial
 * unique index on `asset_id` where `released_at is null` is the database's guarantee that an asset cannot be
 * pledged twice, however many banks file at the same moment.
 */
export const assetPledgeLocks = pgTable(
  'asset_pledge_locks',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => pledgeRegistrations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    pledgeeOrganisationId: uuid('pledgee_organisation_id')
      .notNull()
      .references(() => organisations.id),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('asset_pledge_locks_active_uq')
      .on(t.assetId)
      .where(sql`${t.releasedAt} is null`),
    index('asset_pledge_locks_registration_idx').on(t.registrationId),
  ],
);

/** 登记号流水 (running numbers) per authority and year for registration numbers. */
export const registrationSequences = pgTable(
  'registration_sequences',
  {
    authorityId: text('authority_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [uniqueIndex('registration_sequences_pk').on(t.authorityId, t.year)],
);
