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
import type { RiskScorecard } from '@ipf/domain/ledger';
import { ipAssets } from './ip-assets.ts';
import { organisations, users } from './parties.ts';
import { valuations } from './valuations.ts';

/**
 * 银行产品 (bank product, issue 5 item 1), one row per product of a bank head office. Terms are columns; lists
 * and per-kind caps are jsonb. Money in bigint fen (approval levels keep `maxAmountFen` as a decimal string of
 * fen in jsonb, because JSON has no bigint).
 */
export const bankProducts = pgTable(
  'bank_products',
  {
    id: uuid('id').primaryKey(),
    /** The bank's head office (总行): products belong to the bank, every unit below offers them. */
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    acceptedIpKinds: jsonb('accepted_ip_kinds').$type<string[]>().notNull(),
    minAmountFen: bigint('min_amount_fen', { mode: 'bigint' }).notNull(),
    maxAmountFen: bigint('max_amount_fen', { mode: 'bigint' }).notNull(),
    minTermMonths: integer('min_term_months').notNull(),
    maxTermMonths: integer('max_term_months').notNull(),
    lprTenor: text('lpr_tenor').notNull(),
    minSpreadBps: integer('min_spread_bps').notNull(),
    maxSpreadBps: integer('max_spread_bps').notNull(),
    repaymentMethods: jsonb('repayment_methods').$type<string[]>().notNull(),
    maxPledgeRateBpsByKind: jsonb('max_pledge_rate_bps_by_kind').$type<Record<string, number>>().notNull(),
    combinedModels: jsonb('combined_models').$type<string[]>().notNull(),
    approvalLevels: jsonb('approval_levels')
      .$type<{ level: number; zh: string; en: string; maxAmountFen: string | null }[]>()
      .notNull(),
    creditCommitteeThresholdFen: bigint('credit_committee_threshold_fen', { mode: 'bigint' }),
    /** 贷审会议事规则: quorum and approval shares as fractions. */
    committeeRules: jsonb('committee_rules')
      .$type<{
        quorumNumerator: number;
        quorumDenominator: number;
        approvalNumerator: number;
        approvalDenominator: number;
      }>()
      .notNull(),
    disbursementRequiresRegistration: boolean('disbursement_requires_registration').notNull(),
    allowsInternalEvaluationUpToFen: bigint('allows_internal_evaluation_up_to_fen', { mode: 'bigint' }),
    /**
     * 风险评分卡: the bank's own scorecard for this product, versioned data (rules, weights, thresholds). Rows
     * that existed before the column got the demo scorecard (migration 0005).
     */
    riskScorecard: jsonb('risk_scorecard').$type<RiskScorecard>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('bank_products_bank_code_uq').on(t.bankId, t.code)],
);

/**
 * 融资台账 (financing case, the ledger row): one loan from lead or application to its end (states.md). `version`
 * is the optimistic-concurrency counter: every change updates `where version = read version` and adds one.
 * Terms are null while the case is a `lead`.
 */
export const financingCases = pgTable(
  'financing_cases',
  {
    id: uuid('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    /** The bank unit handling the case (a sub-branch or branch); hierarchy visibility reads its path. */
    bankUnitId: uuid('bank_unit_id')
      .notNull()
      .references(() => organisations.id),
    /** The bank's head office, kept for filtering (a bank never sees another bank's case). */
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    productId: uuid('product_id').references(() => bankProducts.id),
    state: text('state').notNull(),
    /** `application` | `lead`. */
    origin: text('origin').notNull(),
    /** For leads: `whitelist_push` | `event` | `outreach`. */
    leadSource: text('lead_source'),
    amountFen: bigint('amount_fen', { mode: 'bigint' }),
    termMonths: integer('term_months'),
    repaymentMethod: text('repayment_method'),
    spreadBps: integer('spread_bps'),
    combinedModel: text('combined_model'),
    /** `bank` | `guarantor` (反担保). */
    pledgeeKind: text('pledgee_kind').notNull().default('bank'),
    /** 经办人 (makers): users who prepared any step; none of them may approve (审贷分离). */
    preparedByUserIds: jsonb('prepared_by_user_ids').$type<string[]>().notNull(),
    declineReasonCode: text('decline_reason_code'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    stateEnteredAt: timestamp('state_entered_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('financing_cases_number_uq').on(t.caseNumber),
    index('financing_cases_enterprise_idx').on(t.enterpriseId),
    index('financing_cases_bank_unit_idx').on(t.bankUnitId, t.state),
    index('financing_cases_bank_idx').on(t.bankId, t.state),
    index('financing_cases_state_idx').on(t.state, t.stateEnteredAt),
  ],
);

/** 拟质押资产 (assets to pledge) of a case. */
export const caseAssets = pgTable(
  'case_assets',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [
    uniqueIndex('case_assets_pk').on(t.caseId, t.assetId),
    index('case_assets_asset_idx').on(t.assetId),
  ],
);

/** 案件时间线 (case timeline): every action with the states before and after, who, why and when. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    /** Insertion order: breaks ties between events one use case writes at the same instant. */
    seq: bigint('seq', { mode: 'bigint' }).generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    action: text('action').notNull(),
    /** Null for the event that creates the case. */
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorRole: text('actor_role').notNull(),
    reasonCode: text('reason_code'),
    note: text('note'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredAt)],
);

/**
 * 评测结果 (evaluation chain results): one row per step, `step` = `risk` | `value` | `credit`. Risk: scorecard,
 * score, outcome, reasons and the facts. Value: basis (`formal_report` | `internal_evaluation`), the report's
 * evaluator, valuers, method, dates, per-asset values, the total the pledge rate uses and the rate. Credit:
 * rating and credit line.
 */
export const caseEvaluations = pgTable(
  'case_evaluations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    step: text('step').notNull(),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    riskScorecardId: text('risk_scorecard_id'),
    riskScorecardVersion: integer('risk_scorecard_version'),
    riskScore: integer('risk_score'),
    riskOutcome: text('risk_outcome'),
    riskReasons: jsonb('risk_reasons').$type<unknown[]>(),
    riskFacts: jsonb('risk_facts').$type<Record<string, unknown>>(),
    valueBasis: text('value_basis'),
    evaluatorName: text('evaluator_name'),
    valuers: jsonb('valuers').$type<string[]>(),
    valuationMethod: text('valuation_method'),
    valuationDate: date('valuation_date', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    assetValues: jsonb('asset_values').$type<{ assetId: string; kind: string; valueFen: string }[]>(),
    /** The value the pledge rate uses (Σ asset values). */
    valueFen: bigint('value_fen', { mode: 'bigint' }),
    /** 质押率 as an exact percent text with two decimals, and the product's cap. */
    pledgeRatePct: text('pledge_rate_pct'),
    pledgeRateCapPct: text('pledge_rate_cap_pct'),
    creditRating: text('credit_rating'),
    creditLineFen: bigint('credit_line_fen', { mode: 'bigint' }),
    note: text('note'),
    /** The valuation on record the value step took its figures from (null: entered by hand). */
    valuationId: uuid('valuation_id').references(() => valuations.id),
  },
  (t) => [index('case_evaluations_case_idx').on(t.caseId, t.step)],
);

/** 审批记录 (approval decisions): approver, authority level held and required, decision, reason code. */
export const caseApprovals = pgTable(
  'case_approvals',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    approverUserId: uuid('approver_user_id')
      .notNull()
      .references(() => users.id),
    authorityLevel: integer('authority_level').notNull(),
    requiredLevel: integer('required_level'),
    /** `approved` | `declined`. */
    decision: text('decision').notNull(),
    reasonCode: text('reason_code'),
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_approvals_case_idx').on(t.caseId)],
);

/** 贷审会表决 (credit committee votes): one vote per member and case. */
export const creditCommitteeVotes = pgTable(
  'credit_committee_votes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    memberUserId: uuid('member_user_id')
      .notNull()
      .references(() => users.id),
    /** `approve` | `reject` | `abstain`. */
    vote: text('vote').notNull(),
    note: text('note'),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('credit_committee_votes_uq').on(t.caseId, t.memberUserId)],
);

/**
 * 案件参与机构 (organisations taking part in a case besides the bank): the guarantor of a guarantee model (and
 * pledgee under 反担保), the insurer of an insurance model, an evaluation firm. They see the case through this
 * row (access.md scope `assigned`). `acceptedAt` is set when the guarantor or insurer accepts (承保).
 */
export const caseParticipants = pgTable(
  'case_participants',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** `guarantor` | `insurer` | `evaluator`. */
    role: text('role').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('case_participants_pk').on(t.caseId, t.role),
    index('case_participants_org_idx').on(t.organisationId),
  ],
);
