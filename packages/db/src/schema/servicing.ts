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
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';

/**
 * 贷款账户 (loan account) of a disbursed case: principal, the rate fixed at disbursement (LPR of the product's
 * tenor on the disbursement date + the case's spread), method and dates, and what the daily job last computed
 * (days past due, own and borrower-level 五级分类 grade). Dates are Asia/Shanghai calendar days.
 */
export const loanAccounts = pgTable(
  'loan_accounts',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    principalFen: bigint('principal_fen', { mode: 'bigint' }).notNull(),
    outstandingPrincipalFen: bigint('outstanding_principal_fen', { mode: 'bigint' }).notNull(),
    /** `1Y` | `5Y`. */
    lprTenor: text('lpr_tenor').notNull(),
    /** The LPR in effect on the disbursement date, percent as on the wire (`"3.00"`). */
    lprRatePct: text('lpr_rate_pct').notNull(),
    spreadBps: integer('spread_bps').notNull(),
    /** 罚息上浮 (penalty markup) in percent, 30–50 for overdue loans (银发〔2003〕251号). */
    penaltyMarkupPct: text('penalty_markup_pct').notNull(),
    /** `annuity` | `equalPrincipal` | `interestOnly` | `bullet`. */
    repaymentMethod: text('repayment_method').notNull(),
    termMonths: integer('term_months').notNull(),
    disbursementDate: date('disbursement_date', { mode: 'string' }).notNull(),
    maturityDate: date('maturity_date', { mode: 'string' }).notNull(),
    /** 受托支付: paid to the borrower's counterparty against an invoice or contract. */
    entrustedPayment: boolean('entrusted_payment').notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyAccount: text('counterparty_account'),
    entrustedReference: text('entrusted_reference'),
    /** 重组贷款 in its observation period: at least 关注. */
    restructured: boolean('restructured').notNull().default(false),
    /** `active` | `closed`. */
    status: text('status').notNull(),
    closedDate: date('closed_date', { mode: 'string' }),
    /** The last business date the daily job serviced (accrual, overdue, charges, own grade). */
    servicedThroughDate: date('serviced_through_date', { mode: 'string' }),
    daysPastDue: integer('days_past_due').notNull().default(0),
    /** The loan's own grade from days past due and restructuring. */
    ownGrade: text('own_grade').notNull().default('normal'),
    /** The borrower-level grade: the worst own grade of the borrower's active loans at this bank. */
    grade: text('grade').notNull().default('normal'),
    disbursedByUserId: uuid('disbursed_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    /** The contract version in force: 1 at disbursement, +1 for each 展期 or 续贷 (`loan_contract_versions`). */
    contractVersion: integer('contract_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('loan_accounts_case_uq').on(t.caseId),
    index('loan_accounts_borrower_idx').on(t.bankId, t.enterpriseId),
    index('loan_accounts_status_idx').on(t.status, t.id),
  ],
);

/**
 * 还款计划期次 (instalment) with what was paid and the overdue charges (罚息 on overdue principal, 复利 on unpaid
 * interest). A prepayment supersedes the unpaid instalments and adds the re-amortised ones. Charges accrue per
 * segment: from `chargeBaseDate` on the amounts overdue since then, charged through `chargedThroughDate`.
 */
export const loanInstallments = pgTable(
  'loan_installments',
  {
    id: uuid('id').primaryKey(),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    period: integer('period').notNull(),
    accrualStartDate: date('accrual_start_date', { mode: 'string' }).notNull(),
    accrualEndDate: date('accrual_end_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Outstanding principal at the start of the period (interest accrues on it). */
    openingBalanceFen: bigint('opening_balance_fen', { mode: 'bigint' }).notNull(),
    principalFen: bigint('principal_fen', { mode: 'bigint' }).notNull(),
    interestFen: bigint('interest_fen', { mode: 'bigint' }).notNull(),
    principalPaidFen: bigint('principal_paid_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    interestPaidFen: bigint('interest_paid_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    penaltyChargedFen: bigint('penalty_charged_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    compoundChargedFen: bigint('compound_charged_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Penalty and compound interest paid (paid before interest and principal). */
    chargesPaidFen: bigint('charges_paid_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** `scheduled` | `due` | `partially_paid` | `overdue` | `paid` | `superseded`. */
    status: text('status').notNull(),
    chargeBaseDate: date('charge_base_date', { mode: 'string' }),
    chargedThroughDate: date('charged_through_date', { mode: 'string' }),
    paidDate: date('paid_date', { mode: 'string' }),
    /** The contract version that scheduled this instalment (an extension or renewal supersedes the open ones). */
    contractVersion: integer('contract_version').notNull().default(1),
  },
  (t) => [index('loan_installments_account_idx').on(t.loanAccountId, t.period)],
);

/**
 * 合同版本 (contract version) of a loan account: the original contract at disbursement, then each 展期
 * (extension) or 续贷 (renewal) with its terms, the principal it re-schedules from its effective date and
 * whether it is a restructuring (重组, at least 关注 while observed). The instalments of earlier versions stay in
 * `loan_installments` as `superseded`, so the history of schedules is kept.
 */
export const loanContractVersions = pgTable(
  'loan_contract_versions',
  {
    id: uuid('id').primaryKey(),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    version: integer('version').notNull(),
    /** `original` | `extension` | `renewal`. */
    kind: text('kind').notNull(),
    /** The schedule of this version runs from this date (the last settled due date, or the renewal date). */
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** The Asia/Shanghai day the version was agreed and recorded. */
    recordedDate: date('recorded_date', { mode: 'string' }).notNull(),
    principalFen: bigint('principal_fen', { mode: 'bigint' }).notNull(),
    lprTenor: text('lpr_tenor').notNull(),
    lprRatePct: text('lpr_rate_pct').notNull(),
    spreadBps: integer('spread_bps').notNull(),
    repaymentMethod: text('repayment_method').notNull(),
    termMonths: integer('term_months').notNull(),
    maturityDate: date('maturity_date', { mode: 'string' }).notNull(),
    /** 展期月数 of an extension (counted against 《贷款通则》 art. 12). */
    extensionMonths: integer('extension_months'),
    restructured: boolean('restructured').notNull().default(false),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('loan_contract_versions_uq').on(t.loanAccountId, t.version)],
);

/** 还款 (repayment): the amount and how the engine allocated it; a prepayment also names its option. */
export const loanRepayments = pgTable(
  'loan_repayments',
  {
    id: uuid('id').primaryKey(),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    /** `regular` | `prepayment`. */
    kind: text('kind').notNull(),
    /** `shortenTerm` | `lowerInstallment` | `full` for a prepayment. */
    prepaymentOption: text('prepayment_option'),
    repaymentDate: date('repayment_date', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    penaltyFen: bigint('penalty_fen', { mode: 'bigint' }).notNull(),
    interestFen: bigint('interest_fen', { mode: 'bigint' }).notNull(),
    principalFen: bigint('principal_fen', { mode: 'bigint' }).notNull(),
    postedByUserId: uuid('posted_by_user_id')
      .notNull()
      .references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('loan_repayments_account_idx').on(t.loanAccountId, t.postedAt)],
);

/**
 * 日终入账 (postings): the daily job's accrual, penalty and compound interest per loan and business date, unique
 * so that a rerun cannot post twice; charges brought up to date by a repayment carry its id instead.
 */
export const loanPostings = pgTable(
  'loan_postings',
  {
    id: uuid('id').primaryKey(),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** `accrual` | `penalty` | `compound`. */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    repaymentId: uuid('repayment_id').references(() => loanRepayments.id),
    postedAt: timestamp('posted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('loan_postings_daily_uq')
      .on(t.loanAccountId, t.businessDate, t.kind)
      .where(sql`${t.repaymentId} is null`),
    index('loan_postings_date_idx').on(t.businessDate),
  ],
);

/**
 * 幂等键 (idempotency key) of a money-moving request: per organisation, the request's hash and the stored answer,
 * so a retry gets the same answer and a different request under the same key is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_org_key_uq').on(t.organisationId, t.key)],
);

/**
 * 日终批处理 (daily servicing run) per business date: `phase` `loans` (batches after `cursorLoanId`) →
 * `classification` → `completed`, so a run that died is continued where it stopped.
 */
export const servicingJobRuns = pgTable(
  'servicing_job_runs',
  {
    id: uuid('id').primaryKey(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    phase: text('phase').notNull(),
    cursorLoanId: uuid('cursor_loan_id'),
    loansProcessed: integer('loans_processed').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('servicing_job_runs_date_uq').on(t.businessDate)],
);
