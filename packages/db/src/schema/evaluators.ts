import {
  bigint,
  boolean,
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
import { organisations, users } from './parties.ts';

/** 注册评估师 (a certified valuer named in an admission application). */
export interface CertifiedValuer {
  readonly name: string;
  readonly certificateNumber: string;
}

/**
 * 评估机构入库 (evaluator admission, issue 7 item 6): an evaluation firm applies with its qualifications, the city
 * bureau admits or rejects, and then suspends, removes or reinstates it. `applied` → `admitted` | `rejected`;
 * `admitted` → `suspended` | `removed`; `suspended` → `admitted` | `removed`. One open admission (applied,
 * admitted or suspended) per firm; a rejected or removed firm may apply again. The fee sharing among
 * enterprise, bank and subsidy (bps) is the bureau's configuration for the firm's reports.
 */
export const evaluatorAdmissions = pgTable(
  'evaluator_admissions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state').notNull(),
    licenceNumber: text('licence_number').notNull(),
    certifiedValuers: jsonb('certified_valuers').$type<CertifiedValuer[]>().notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** References of the documents handed in (file numbers, links); the files live elsewhere. */
    documents: jsonb('documents').$type<string[]>().notNull(),
    feeShareEnterpriseBps: integer('fee_share_enterprise_bps').notNull(),
    feeShareBankBps: integer('fee_share_bank_bps').notNull(),
    feeShareSubsidyBps: integer('fee_share_subsidy_bps').notNull(),
    appliedByUserId: uuid('applied_by_user_id')
      .notNull()
      .references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('evaluator_admissions_open_uq')
      .on(t.organisationId)
      .where(sql`${t.state} in ('applied', 'admitted', 'suspended')`),
    index('evaluator_admissions_state_idx').on(t.state),
  ],
);

/** 状态变更记录 of an admission: every transition with its reason, who and when. */
export const evaluatorStatusHistory = pgTable(
  'evaluator_status_history',
  {
    id: uuid('id').primaryKey(),
    /** Insertion order: breaks ties between changes written at the same instant. */
    seq: bigint('seq', { mode: 'bigint' }).generatedAlwaysAsIdentity(),
    admissionId: uuid('admission_id')
      .notNull()
      .references(() => evaluatorAdmissions.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('evaluator_status_history_admission_idx').on(t.admissionId, t.occurredAt)],
);

/**
 * 专家库 (expert pool, issue 7 item 7): fields, IPC expertise and the affiliation that decides conflicts. An
 * expert may hold a platform login (`userId`, role `expert`) to record opinions; otherwise the bureau records
 * them on the expert's behalf.
 */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    title: text('title'),
    fields: jsonb('fields').$type<string[]>().notNull(),
    ipcExpertise: jsonb('ipc_expertise').$type<string[]>().notNull(),
    /** The organisation on the platform the expert works for (conflict check); null when it is not on it. */
    affiliationOrganisationId: uuid('affiliation_organisation_id').references(() => organisations.id),
    affiliationName: text('affiliation_name').notNull(),
    userId: uuid('user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('experts_active_idx').on(t.active), uniqueIndex('experts_user_uq').on(t.userId)],
);

/** The draw's recorded candidate list: what `drawExperts` ran on, so anyone can run it again. */
export interface RecordedDrawCandidate {
  readonly expertId: string;
  readonly fields: string[];
  readonly ipcExpertise: string[];
  readonly affiliationOrgId: string;
  readonly priorEngagementCaseIds: string[];
}

/** The recorded conflict set of a draw (`DrawConflicts`). */
export interface RecordedDrawConflicts {
  readonly caseId: string;
  readonly evaluatorOrgId: string;
  readonly bankOrgId: string;
  readonly enterpriseOrgId: string;
  readonly engagedExpertIds: string[];
}

/**
 * 复核认定 (expert review of a valuation, issue 7 item 7): for now the value evaluation of a financing case by an
 * admitted evaluator (`valuationId` is kept for the valuation records of a later part, without a foreign key).
 * `committed` (hash of a fresh seed published) → `drawn` (experts drawn, seed revealed) → `concluded`
 * (confirmed | adjusted | rejected).
 */
export const expertReviews = pgTable(
  'expert_reviews',
  {
    id: uuid('id').primaryKey(),
    reviewNumber: text('review_number').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    valuationId: uuid('valuation_id'),
    evaluatorOrganisationId: uuid('evaluator_organisation_id')
      .notNull()
      .references(() => organisations.id),
    reportedValueFen: bigint('reported_value_fen', { mode: 'bigint' }).notNull(),
    expertCount: integer('expert_count').notNull(),
    requiredIpcPrefixes: jsonb('required_ipc_prefixes').$type<string[]>().notNull(),
    state: text('state').notNull(),
    /** `sha256` | `sm3`: the hash of the commitment and of the draw keys. */
    hashAlgorithm: text('hash_algorithm').notNull(),
    seedCommitment: text('seed_commitment').notNull(),
    /** Secret until the draw; published (`seedRevealedAt`) with the drawn experts. */
    seed: text('seed').notNull(),
    seedRevealedAt: timestamp('seed_revealed_at', { withTimezone: true, mode: 'date' }),
    candidates: jsonb('candidates').$type<RecordedDrawCandidate[]>(),
    conflicts: jsonb('conflicts').$type<RecordedDrawConflicts>(),
    excluded: jsonb('excluded').$type<{ expertId: string; reasons: string[] }[]>(),
    outcome: text('outcome'),
    adjustedValueFen: bigint('adjusted_value_fen', { mode: 'bigint' }),
    conclusionReason: text('conclusion_reason'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    drawnByUserId: uuid('drawn_by_user_id').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }),
    concludedByUserId: uuid('concluded_by_user_id').references(() => users.id),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('expert_reviews_number_uq').on(t.reviewNumber),
    index('expert_reviews_case_idx').on(t.caseId),
    index('expert_reviews_evaluator_idx').on(t.evaluatorOrganisationId, t.state),
  ],
);

/** A drawn expert of a review, in draw order, with the keyed hash that placed it and the expert's opinion. */
export const expertReviewMembers = pgTable(
  'expert_review_members',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => expertReviews.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    drawOrder: integer('draw_order').notNull(),
    drawKey: text('draw_key').notNull(),
    opinionOutcome: text('opinion_outcome'),
    opinionAdjustedValueFen: bigint('opinion_adjusted_value_fen', { mode: 'bigint' }),
    opinion: text('opinion'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('expert_review_members_uq').on(t.reviewId, t.expertId),
    index('expert_review_members_expert_idx').on(t.expertId),
  ],
);
