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
import { loanAccounts } from './servicing.ts';

/**
 * One layer of a stored agreement: `party` is the organisation id, shares in basis points and caps in fen as
 * decimal strings (JSON has no bigint). Mirrors `RiskLayer` of `@ipf/domain/risk-sharing`.
 */
export interface StoredRiskLayer {
  readonly party: string;
  readonly shareBps: string;
  readonly capFen?: string;
}

/** `RiskSharingAgreement` of `@ipf/domain/risk-sharing` as stored in jsonb (bigints as decimal strings). */
export interface StoredRiskSharingAgreement {
  readonly agreementId: string;
  readonly fixedOn: string;
  /** `principal` | `principal_and_interest`. */
  readonly lossBase: string;
  readonly bankParty: string;
  readonly guarantor?: StoredRiskLayer;
  readonly reGuarantor?: StoredRiskLayer;
  readonly insurer?: StoredRiskLayer;
  readonly evaluator?: StoredRiskLayer;
  readonly pool?: StoredRiskLayer;
}

/** A pool's 补偿比例 for one loan category (`PoolCompensationRatio` with bps as a decimal string). */
export interface StoredPoolRatio {
  readonly loanCategory: string;
  readonly ratioBps: string;
  readonly source: string;
}

/** A document attached to a claim: a reference to a stored file (case attachment id or external reference). */
export interface StoredClaimDocument {
  readonly kind: string;
  readonly name: string;
  /** `case_attachments.id`, or an external reference (e.g. a court judgment number). */
  readonly ref: string;
}

/**
 * 处置分配比例 fixed before disposal: one row per party, the weight (bps) of the net proceeds. `role` is a
 * `RiskRole` of the domain; `party` the organisation id.
 */
export interface StoredDistributionShare {
  readonly role: string;
  readonly party: string;
  readonly weightBps: string;
}

/**
 * 担保产品 (guarantor product, R9): a guarantor's standard terms — the share of the bank's loss it covers, the
 * annual fee rate, and the share of its part ceded to the city re-guarantee fund (20%–50%) with that fund.
 */
export const guaranteeProducts = pgTable(
  'guarantee_products',
  {
    id: uuid('id').primaryKey(),
    guarantorId: uuid('guarantor_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** 担保责任比例: share of the bank's loss, bps (the bank keeps ≥ 2000, 国办发〔2019〕6号). */
    coverageShareBps: integer('coverage_share_bps').notNull(),
    /** 年担保费率, bps of the guaranteed principal per year. */
    feeRateBps: integer('fee_rate_bps').notNull(),
    /** 再担保分担比例: share of the guarantor's part, bps (2000–5000); null without re-guarantee. */
    reGuaranteeShareBps: integer('re_guarantee_share_bps'),
    reGuarantorId: uuid('re_guarantor_id').references(() => organisations.id),
    /** 单笔代偿上限 (cap per loan), fen; null: no cap. */
    capFen: bigint('cap_fen', { mode: 'bigint' }),
    /**
     * 代偿触发 (compensation trigger): the guarantor pays once the loan is this many days overdue (e.g. 90); null:
     * only once the loan is non-performing.
     */
    compensationOverdueDays: integer('compensation_overdue_days'),
    active: boolean('active').notNull().default(true),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('guarantee_products_guarantor_code_uq').on(t.guarantorId, t.code)],
);

/**
 * 担保合同 (guarantee of one case, R9): recorded when the guarantor of a `plus_guarantee` case accepts; the terms
 * are copied from its product or priced by the guarantor, and fixed (the agreement reads them at disbursement).
 * `state`: `active` → `compensated` (代偿 paid) | `released` (loan repaid) | `cancelled` (case ended unfunded).
 */
export const guarantees = pgTable(
  'guarantees',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    guarantorId: uuid('guarantor_id')
      .notNull()
      .references(() => organisations.id),
    productId: uuid('product_id').references(() => guaranteeProducts.id),
    contractNumber: text('contract_number').notNull(),
    guaranteedPrincipalFen: bigint('guaranteed_principal_fen', { mode: 'bigint' }).notNull(),
    coveredShareBps: integer('covered_share_bps').notNull(),
    feeRateBps: integer('fee_rate_bps').notNull(),
    /** 担保费: principal × fee rate × term ÷ 12, rounded half-up to the fen. */
    feeFen: bigint('fee_fen', { mode: 'bigint' }).notNull(),
    capFen: bigint('cap_fen', { mode: 'bigint' }),
    reGuaranteeShareBps: integer('re_guarantee_share_bps'),
    reGuarantorId: uuid('re_guarantor_id').references(() => organisations.id),
    /** 代偿触发 copied from the product: days overdue after which 代偿 may be claimed; null: at default only. */
    compensationOverdueDays: integer('compensation_overdue_days'),
    state: text('state').notNull(),
    acceptedByUserId: uuid('accepted_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('guarantees_case_uq').on(t.caseId),
    uniqueIndex('guarantees_contract_number_uq').on(t.contractNumber),
    index('guarantees_guarantor_idx').on(t.guarantorId, t.createdAt),
    index('guarantees_re_guarantor_idx').on(t.reGuarantorId),
  ],
);

/**
 * 保单 (insurance policy, R8 / article 八). `kind`: `pledge_financing_guarantee` (知识产权质押融资保证保险, tied
 * to a case, insured = the lending bank, coverage share of the loss), or the article-八 kinds on record for an
 * enterprise: `infringement_liability` (侵权责任险), `enforcement` (维权费用险), `overseas_infringement` (海外侵权
 * 责任险), `transaction` (交易险), with a sum insured. `state`: `active` | `expired` | `claimed` | `cancelled`.
 */
export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    id: uuid('id').primaryKey(),
    policyNumber: text('policy_number').notNull(),
    kind: text('kind').notNull(),
    insurerId: uuid('insurer_id')
      .notNull()
      .references(() => organisations.id),
    /** 被保险人: the bank for a 保证保险 policy, the enterprise for the other kinds. */
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => organisations.id),
    /** 投保人 (policy holder): the enterprise. */
    policyholderId: uuid('policyholder_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').references(() => financingCases.id),
    premiumFen: bigint('premium_fen', { mode: 'bigint' }).notNull(),
    premiumRateBps: integer('premium_rate_bps'),
    /** Share of the loss the insurer bears (保证保险), bps. */
    coverageShareBps: integer('coverage_share_bps'),
    /** 保险金额 (sum insured), fen; for 保证保险 the insured principal. */
    sumInsuredFen: bigint('sum_insured_fen', { mode: 'bigint' }),
    /** 赔偿限额 per loan, fen; null: no cap beyond the share. */
    capFen: bigint('cap_fen', { mode: 'bigint' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    state: text('state').notNull(),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('insurance_policies_number_uq').on(t.policyNumber),
    /** One 保证保险 policy per case. */
    uniqueIndex('insurance_policies_case_guarantee_uq')
      .on(t.caseId)
      .where(sql`${t.kind} = 'pledge_financing_guarantee' and ${t.state} <> 'cancelled'`),
    index('insurance_policies_insurer_idx').on(t.insurerId, t.createdAt),
    index('insurance_policies_policyholder_idx').on(t.policyholderId),
  ],
);

/**
 * 风险补偿资金池 (risk-compensation pool, R10): the city pool or a district pool, one per pool organisation (its
 * administrators' organisation). `ratios`: compensation ratio by loan category as versioned data (a change
 * never touches a filed loan: the filing and the agreement copy the ratio).
 */
export const riskPools = pgTable(
  'risk_pools',
  {
    id: uuid('id').primaryKey(),
    /** The pool organisation (`risk_pool`), whose `pool_admin` users administer it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** 出资/受托管理机构 (fund organisation), when another organisation holds the money. */
    fundOrganisationId: uuid('fund_organisation_id').references(() => organisations.id),
    /** `city` | `district`. */
    level: text('level').notNull(),
    /** District code for a district pool (loans of enterprises registered there are eligible). */
    district: text('district'),
    /** 资金规模 (fund size), fen. */
    fundSizeFen: bigint('fund_size_fen', { mode: 'bigint' }).notNull(),
    ratios: jsonb('ratios').$type<StoredPoolRatio[]>().notNull(),
    ratiosEffectiveDate: date('ratios_effective_date', { mode: 'string' }).notNull(),
    /** The loss base of the pool's scheme: `principal` | `principal_and_interest`. */
    lossBase: text('loss_base').notNull().default('principal'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('risk_pools_organisation_uq').on(t.organisationId),
    index('risk_pools_district_idx').on(t.level, t.district),
  ],
);

/**
 * 年度预算 (a pool's budget for one year): what it may pay out that year and what it has paid (`usedFen`, raised in
 * the payment's transaction under `where used + payout <= budget`, so the budget is never overdrawn).
 */
export const riskPoolBudgets = pgTable(
  'risk_pool_budgets',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => riskPools.id),
    year: integer('year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'bigint' }).notNull(),
    usedFen: bigint('used_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('risk_pool_budgets_pool_year_uq').on(t.poolId, t.year)],
);

/** 合作银行 (pool membership): a bank (head office) in a pool from a date until an optional end date. */
export const riskPoolMemberships = pgTable(
  'risk_pool_memberships',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => riskPools.id),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    addedByUserId: uuid('added_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    /** One open membership per bank and pool. */
    uniqueIndex('risk_pool_memberships_open_uq')
      .on(t.poolId, t.bankId)
      .where(sql`${t.toDate} is null`),
    index('risk_pool_memberships_bank_idx').on(t.bankId),
  ],
);

/**
 * 入池备案 (pool filing): an eligible loan filed into a pool at disbursement, with the loan category, the ratio
 * in force that day (fixed), the budget year and the principal. One filing per case.
 */
export const riskPoolFilings = pgTable(
  'risk_pool_filings',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => riskPools.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    loanAccountId: uuid('loan_account_id')
      .notNull()
      .references(() => loanAccounts.id),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    loanCategory: text('loan_category').notNull(),
    ratioBps: integer('ratio_bps').notNull(),
    budgetYear: integer('budget_year').notNull(),
    principalFen: bigint('principal_fen', { mode: 'bigint' }).notNull(),
    filedDate: date('filed_date', { mode: 'string' }).notNull(),
    /** `filed` | `claimed` | `closed`. */
    state: text('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('risk_pool_filings_case_uq').on(t.caseId),
    index('risk_pool_filings_pool_idx').on(t.poolId, t.filedDate),
    index('risk_pool_filings_bank_idx').on(t.bankId),
  ],
);

/**
 * 分险协议 (risk-sharing agreement of a case), fixed at disbursement from the guarantee, the 保证保险 policy and
 * the pool filing, and validated (`validateRiskSharingAgreement`). `agreement` is the domain value; claims,
 * disposition and recoveries read it, never the current products or pool ratios. A later amendment would be a
 * new version; the highest version is in force.
 */
export const riskSharingAgreements = pgTable(
  'risk_sharing_agreements',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    version: integer('version').notNull().default(1),
    agreement: jsonb('agreement').$type<StoredRiskSharingAgreement>().notNull(),
    /** `principal` | `principal_and_interest` (copy of `agreement.lossBase` for queries). */
    lossBase: text('loss_base').notNull(),
    fixedOn: date('fixed_on', { mode: 'string' }).notNull(),
    guaranteeId: uuid('guarantee_id').references(() => guarantees.id),
    insurancePolicyId: uuid('insurance_policy_id').references(() => insurancePolicies.id),
    poolFilingId: uuid('pool_filing_id').references(() => riskPoolFilings.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('risk_sharing_agreements_case_version_uq').on(t.caseId, t.version)],
);

/**
 * 理赔/代偿 (claim) of a defaulted case on one payer of its agreement (states.md "Claims and disposition":
 * `filed` → `under_review` → `approved` | `rejected` → `paid` → `recovered`). `payerRole` is a `ClaimRole`
 * (`guarantor` 代偿 to the bank, `re_guarantor` to the guarantor, `insurer`, `evaluator`, `pool` to the bank).
 * The loss it was computed on is kept (`lossPrincipalFen`, `lossInterestFen`); `claimedFen` is the entitlement
 * (`calculateClaimEntitlement`), `approvedFen` what the checker approved (≤ claimed; a pool within budget).
 * No double payment: at most one claim per case and payer role that is not rejected (partial unique index).
 * Maker-checker: `filedByUserId` prepares, `reviewedByUserId` reviews, `decidedByUserId` approves or rejects and
 * must differ from the maker.
 */
export const riskClaims = pgTable(
  'risk_claims',
  {
    id: uuid('id').primaryKey(),
    claimNumber: text('claim_number').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => riskSharingAgreements.id),
    payerRole: text('payer_role').notNull(),
    payerOrganisationId: uuid('payer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The bank, or the guarantor for a re-guarantee claim. */
    claimantOrganisationId: uuid('claimant_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** For a pool claim: the filing and the budget year it draws on. */
    poolFilingId: uuid('pool_filing_id').references(() => riskPoolFilings.id),
    budgetYear: integer('budget_year'),
    lossPrincipalFen: bigint('loss_principal_fen', { mode: 'bigint' }).notNull(),
    lossInterestFen: bigint('loss_interest_fen', { mode: 'bigint' }).notNull(),
    claimedFen: bigint('claimed_fen', { mode: 'bigint' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'bigint' }),
    /** Entitled but unpaid for want of pool budget: stays with the bank. */
    shortfallFen: bigint('shortfall_fen', { mode: 'bigint' }),
    /** Recoveries shared back to this payer so far. */
    recoveredFen: bigint('recovered_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    state: text('state').notNull(),
    documents: jsonb('documents').$type<StoredClaimDocument[]>().notNull(),
    filedByUserId: uuid('filed_by_user_id')
      .notNull()
      .references(() => users.id),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    /** The `Idempotency-Key` of the filing request, when sent. */
    idempotencyKey: text('idempotency_key'),
    filedDate: date('filed_date', { mode: 'string' }).notNull(),
    decidedDate: date('decided_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('risk_claims_number_uq').on(t.claimNumber),
    /** No double payment of the same loss: one live claim per case and payer role. */
    uniqueIndex('risk_claims_case_payer_live_uq')
      .on(t.caseId, t.payerRole)
      .where(sql`${t.state} <> 'rejected'`),
    uniqueIndex('risk_claims_idempotency_uq')
      .on(t.claimantOrganisationId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('risk_claims_payer_idx').on(t.payerOrganisationId, t.state),
    index('risk_claims_claimant_idx').on(t.claimantOrganisationId, t.state),
  ],
);

/** 赔付 (claim payment): exactly one per claim (unique), the amount paid, its date and reference. */
export const riskClaimPayments = pgTable(
  'risk_claim_payments',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => riskClaims.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    paidByUserId: uuid('paid_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('risk_claim_payments_claim_uq').on(t.claimId)],
);

/**
 * 处置案件 (disposition case, R11) of a defaulted case: `state` and `path` as `DispositionState` of the domain
 * (`reverse_licence` | `auction` | `transfer` | `debt_to_equity`). `distribution` is fixed before disposal
 * (`distributionFixedAt`); costs and proceeds are lines below; each distribution round pays costs first, then
 * splits the net (`allocateDispositionProceeds`). One disposition per case.
 */
export const dispositionCases = pgTable(
  'disposition_cases',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    agreementId: uuid('agreement_id').references(() => riskSharingAgreements.id),
    state: text('state').notNull(),
    path: text('path'),
    distribution: jsonb('distribution').$type<StoredDistributionShare[]>().notNull(),
    distributionFixedAt: timestamp('distribution_fixed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Buyer, licensee or investee (reverse licence: the pledgor; auction: the winning bidder). */
    counterpartyName: text('counterparty_name'),
    /** 银行监管账户 for reverse-licence royalties. */
    controlledAccount: text('controlled_account'),
    /** Appraised value of the disposed assets at opening, fen (recovery rate = proceeds ÷ appraised). */
    appraisedValueFen: bigint('appraised_value_fen', { mode: 'bigint' }),
    proceedsFen: bigint('proceeds_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    costsFen: bigint('costs_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    distributedFen: bigint('distributed_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Pledge registration cancelled and the asset transferred or released at closing. */
    registrationCancelled: boolean('registration_cancelled').notNull().default(false),
    openedByUserId: uuid('opened_by_user_id')
      .notNull()
      .references(() => users.id),
    openedDate: date('opened_date', { mode: 'string' }).notNull(),
    closedDate: date('closed_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('disposition_cases_case_uq').on(t.caseId),
    index('disposition_cases_state_idx').on(t.state),
  ],
);

/**
 * 处置分配 (one distribution round of a disposition): proceeds taken, costs paid first, net split by the fixed
 * ratios. Rounds repeat for reverse-licence royalties.
 */
export const dispositionDistributions = pgTable(
  'disposition_distributions',
  {
    id: uuid('id').primaryKey(),
    dispositionId: uuid('disposition_id')
      .notNull()
      .references(() => dispositionCases.id),
    sequence: integer('sequence').notNull(),
    proceedsFen: bigint('proceeds_fen', { mode: 'bigint' }).notNull(),
    costsPaidFen: bigint('costs_paid_fen', { mode: 'bigint' }).notNull(),
    netProceedsFen: bigint('net_proceeds_fen', { mode: 'bigint' }).notNull(),
    distributedDate: date('distributed_date', { mode: 'string' }).notNull(),
    distributedByUserId: uuid('distributed_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('disposition_distributions_seq_uq').on(t.dispositionId, t.sequence)],
);

/**
 * 处置费用 (disposition cost line): auction commission, valuation, legal, registration …; `paidFen` and the round
 * that paid it once a distribution ran (costs are paid before anything is distributed).
 */
export const dispositionCosts = pgTable(
  'disposition_costs',
  {
    id: uuid('id').primaryKey(),
    dispositionId: uuid('disposition_id')
      .notNull()
      .references(() => dispositionCases.id),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    distributionId: uuid('distribution_id').references(() => dispositionDistributions.id),
    incurredDate: date('incurred_date', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('disposition_costs_disposition_idx').on(t.dispositionId)],
);

/**
 * 处置款 (disposition proceeds line): auction price, transfer price, a royalty instalment, equity consideration;
 * `distributionId` once a distribution round took it (null: received, not yet distributed).
 */
export const dispositionProceeds = pgTable(
  'disposition_proceeds',
  {
    id: uuid('id').primaryKey(),
    dispositionId: uuid('disposition_id')
      .notNull()
      .references(() => dispositionCases.id),
    /** `auction` | `transfer` | `royalty` | `equity` | `other`. */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    payerName: text('payer_name'),
    reference: text('reference').notNull(),
    distributionId: uuid('distribution_id').references(() => dispositionDistributions.id),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('disposition_proceeds_disposition_idx').on(t.dispositionId),
    uniqueIndex('disposition_proceeds_reference_uq').on(t.dispositionId, t.reference),
  ],
);

/**
 * 追偿返还 (recovery shared back, per party): each party's part of a disposition round or of another recovery
 * (`allocateRecovery` pro rata to what it bore, or the fixed distribution). `claimId` links a payer's share to
 * its paid claim; the bank's own part has none.
 */
export const riskRecoveryShares = pgTable(
  'risk_recovery_shares',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    /** `disposition` | `recovery`. */
    source: text('source').notNull(),
    distributionId: uuid('distribution_id').references(() => dispositionDistributions.id),
    /** For `recovery`: the reference of the recovered money (e.g. court enforcement receipt). */
    recoveryReference: text('recovery_reference'),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    claimId: uuid('claim_id').references(() => riskClaims.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    sharedDate: date('shared_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('risk_recovery_shares_case_idx').on(t.caseId),
    index('risk_recovery_shares_org_idx').on(t.organisationId),
    uniqueIndex('risk_recovery_shares_distribution_role_uq')
      .on(t.distributionId, t.role)
      .where(sql`${t.distributionId} is not null`),
  ],
);
