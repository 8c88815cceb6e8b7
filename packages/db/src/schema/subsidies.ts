import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
import { loanAccounts } from './servicing.ts';

/**
 * 补贴政策版本 (one version of a subsidy or reward scheme, R14 / issue 9 item 1): the scheme as the domain types
 * it (`SubsidyScheme` of `@ipf/domain/subsidy`, bigints as decimal strings in `scheme`), with the columns a list
 * filters on copied out. `state`: `draft` → `published` → `closed` (a newer version published closes the older).
 * `applicationFrom`/`applicationTo`: the application window (受理期), inclusive, null for open-ended.
 */
export const subsidySchemes = pgTable(
  'subsidy_schemes',
  {
    id: uuid('id').primaryKey(),
    /** Stable across versions (caps over the scheme's life count every version). */
    schemeId: text('scheme_id').notNull(),
    version: integer('version').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    issuingBody: text('issuing_body').notNull(),
    /** `enterprise` | `bank` | `guarantor` | `insurer` | `evaluator`. */
    beneficiary: text('beneficiary').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    applicationFrom: date('application_from', { mode: 'string' }),
    applicationTo: date('application_to', { mode: 'string' }),
    sourceDocument: text('source_document').notNull(),
    sourceArticle: text('source_article').notNull(),
    /** The city bureau reviews after the district (the scheme says so). */
    requiresCityReview: boolean('requires_city_review').notNull().default(false),
    scheme: jsonb('scheme').$type<Record<string, unknown>>().notNull(),
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_schemes_scheme_version_uq').on(t.schemeId, t.version),
    index('subsidy_schemes_state_idx').on(t.state, t.schemeId),
  ],
);

/**
 * 预算 (budget) of a scheme — over all districts (`district = 'all'`) or one district's share — and what approvals
 * have reserved of it. `usedFen` is raised under a row lock in the approval's transaction and never exceeds the
 * total (check constraint), so two approvals racing for the last of a budget cannot both be granted.
 */
export const subsidyBudgets = pgTable(
  'subsidy_budgets',
  {
    id: uuid('id').primaryKey(),
    schemeId: text('scheme_id').notNull(),
    district: text('district').notNull(),
    totalFen: bigint('total_fen', { mode: 'bigint' }).notNull(),
    usedFen: bigint('used_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_budgets_scheme_district_uq').on(t.schemeId, t.district),
    check('subsidy_budgets_not_overdrawn', sql`${t.usedFen} >= 0 and ${t.usedFen} <= ${t.totalFen}`),
  ],
);

/**
 * 补贴申请 (application) of an enterprise under one scheme version for one loan (case) and subsidy year. `facts`
 * holds the facts the platform built from its ledger with the record proving each, `evaluation` the domain's
 * evaluation (conditions and amount steps) as computed at submission and again at approval. `state`:
 * `submitted` → `district_reviewed` → (`city_reviewed`) → `approved` → `paid` → `clawed_back`; `rejected` from a
 * review. Maker-checker: the approver is never the reviewer. One live application per scheme, loan and year.
 */
export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    id: uuid('id').primaryKey(),
    applicationNumber: text('application_number').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    /** The enterprise's district of registration when it applied (the reviewing district). */
    district: text('district').notNull(),
    schemeVersionId: uuid('scheme_version_id')
      .notNull()
      .references(() => subsidySchemes.id),
    schemeId: text('scheme_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    subsidyYear: integer('subsidy_year').notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    /** Facts the platform does not hold, declared by the enterprise (e.g. the tax certificate number). */
    declared: jsonb('declared').$type<Record<string, string>>().notNull(),
    requestedFen: bigint('requested_fen', { mode: 'bigint' }).notNull(),
    /** What the budget granted at approval (≤ requested). */
    grantedFen: bigint('granted_fen', { mode: 'bigint' }),
    state: text('state').notNull(),
    submittedByUserId: uuid('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    reviewNote: text('review_note'),
    cityReviewedByUserId: uuid('city_reviewed_by_user_id').references(() => users.id),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
    rejectedByUserId: uuid('rejected_by_user_id').references(() => users.id),
    rejectReason: text('reject_reason'),
    clawedBackByUserId: uuid('clawed_back_by_user_id').references(() => users.id),
    clawbackReason: text('clawback_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_applications_number_uq').on(t.applicationNumber),
    uniqueIndex('subsidy_applications_live_uq')
      .on(t.schemeId, t.caseId, t.subsidyYear)
      .where(sql`${t.state} not in ('rejected', 'clawed_back')`),
    index('subsidy_applications_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('subsidy_applications_district_idx').on(t.district, t.state),
  ],
);

/** 兑付 (payment) of an approved application: at most one per application. */
export const subsidyPayments = pgTable(
  'subsidy_payments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => subsidyApplications.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    paidByUserId: uuid('paid_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('subsidy_payments_application_uq').on(t.applicationId)],
);

/**
 * 费用补贴占用 (what an approved application claims of one cost actually paid): per case and cost record (e.g. the
 * interest of one repayment), the cost paid and the part claimed. Across schemes the live claims of a cost never
 * exceed it — checked at approval under the loan account's row lock, and per row by the check constraint.
 * A clawback releases its claims.
 */
export const subsidyCostClaims = pgTable(
  'subsidy_cost_claims',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => subsidyApplications.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    schemeId: text('scheme_id').notNull(),
    /** The cost record's id, e.g. `repayment:<uuid>:interest`. */
    costId: text('cost_id').notNull(),
    costKind: text('cost_kind').notNull(),
    costPaidFen: bigint('cost_paid_fen', { mode: 'bigint' }).notNull(),
    claimedFen: bigint('claimed_fen', { mode: 'bigint' }).notNull(),
    /** The subsidy line (cost kind or reward) and year, for caps and stacking of later evaluations. */
    subsidyYear: integer('subsidy_year').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_cost_claims_application_cost_uq').on(t.applicationId, t.costId),
    index('subsidy_cost_claims_case_cost_idx').on(t.caseId, t.costId),
    check(
      'subsidy_cost_claims_within_cost',
      sql`${t.claimedFen} > 0 and ${t.claimedFen} <= ${t.costPaidFen}`,
    ),
  ],
);
