import { sql } from 'drizzle-orm';
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
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';
import { subsidySchemes } from './subsidies.ts';

/**
 * 机构奖励申请 (an institution's reward application, issue 9 item 2): one per institution, reward scheme version
 * and reward year, listing the loans it claims (`subsidy_reward_loans`). `institutionId` is the rewarded
 * institution (a bank's head office 总行; a guarantor, insurer or evaluation firm itself), `applicantUnitId` the
 * unit that applied (bank hierarchy: units above it see the application). `state`: `submitted` → `reviewed` →
 * `approved` → `paid` → `clawed_back`; `rejected` from review. Reviewed by the city bureau, approved by another
 * bureau user (maker-checker).
 */
export const subsidyRewardApplications = pgTable(
  'subsidy_reward_applications',
  {
    id: uuid('id').primaryKey(),
    applicationNumber: text('application_number').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => organisations.id),
    applicantUnitId: uuid('applicant_unit_id')
      .notNull()
      .references(() => organisations.id),
    /** `bank` | `guarantor` | `insurer` | `evaluator`, as the scheme names it. */
    beneficiary: text('beneficiary').notNull(),
    schemeVersionId: uuid('scheme_version_id')
      .notNull()
      .references(() => subsidySchemes.id),
    schemeId: text('scheme_id').notNull(),
    rewardYear: integer('reward_year').notNull(),
    requestedFen: bigint('requested_fen', { mode: 'bigint' }).notNull(),
    /** What the approval granted after caps and budget (≤ requested). */
    grantedFen: bigint('granted_fen', { mode: 'bigint' }),
    state: text('state').notNull(),
    submittedByUserId: uuid('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    reviewNote: text('review_note'),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
    rejectedByUserId: uuid('rejected_by_user_id').references(() => users.id),
    rejectReason: text('reject_reason'),
    paidByUserId: uuid('paid_by_user_id').references(() => users.id),
    paidDate: date('paid_date', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    clawedBackByUserId: uuid('clawed_back_by_user_id').references(() => users.id),
    clawbackReason: text('clawback_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_reward_applications_number_uq').on(t.applicationNumber),
    index('subsidy_reward_applications_institution_idx').on(t.institutionId, t.createdAt),
    index('subsidy_reward_applications_state_idx').on(t.state, t.createdAt),
  ],
);

/**
 * 奖励贷款 (a loan an application claims): the facts and evaluation at submission, the amount requested and the
 * amount granted at approval. A loan is rewarded once under a scheme: the partial unique index on (scheme, case)
 * over live claims lets exactly one of two racing submissions claim it; a rejection or clawback releases it.
 */
export const subsidyRewardLoans = pgTable(
  'subsidy_reward_loans',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => subsidyRewardApplications.id),
    schemeId: text('scheme_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    position: integer('position').notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    requestedFen: bigint('requested_fen', { mode: 'bigint' }).notNull(),
    grantedFen: bigint('granted_fen', { mode: 'bigint' }),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_reward_loans_live_uq')
      .on(t.schemeId, t.caseId)
      .where(sql`${t.releasedAt} is null`),
    uniqueIndex('subsidy_reward_loans_application_case_uq').on(t.applicationId, t.caseId),
    index('subsidy_reward_loans_case_idx').on(t.caseId),
  ],
);
