CREATE TABLE "disposition_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"agreement_id" uuid,
	"state" text NOT NULL,
	"path" text,
	"distribution" jsonb NOT NULL,
	"distribution_fixed_at" timestamp with time zone NOT NULL,
	"counterparty_name" text,
	"controlled_account" text,
	"appraised_value_fen" bigint,
	"proceeds_fen" bigint DEFAULT 0 NOT NULL,
	"costs_fen" bigint DEFAULT 0 NOT NULL,
	"distributed_fen" bigint DEFAULT 0 NOT NULL,
	"registration_cancelled" boolean DEFAULT false NOT NULL,
	"opened_by_user_id" uuid NOT NULL,
	"opened_date" date NOT NULL,
	"closed_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposition_costs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disposition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"distribution_id" uuid,
	"incurred_date" date NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposition_distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disposition_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"proceeds_fen" bigint NOT NULL,
	"costs_paid_fen" bigint NOT NULL,
	"net_proceeds_fen" bigint NOT NULL,
	"distributed_date" date NOT NULL,
	"distributed_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposition_proceeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disposition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_date" date NOT NULL,
	"payer_name" text,
	"reference" text NOT NULL,
	"distribution_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guarantee_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"guarantor_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"coverage_share_bps" integer NOT NULL,
	"fee_rate_bps" integer NOT NULL,
	"re_guarantee_share_bps" integer,
	"re_guarantor_id" uuid,
	"cap_fen" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guarantees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"guarantor_id" uuid NOT NULL,
	"product_id" uuid,
	"contract_number" text NOT NULL,
	"guaranteed_principal_fen" bigint NOT NULL,
	"covered_share_bps" integer NOT NULL,
	"fee_rate_bps" integer NOT NULL,
	"fee_fen" bigint NOT NULL,
	"cap_fen" bigint,
	"re_guarantee_share_bps" integer,
	"re_guarantor_id" uuid,
	"state" text NOT NULL,
	"accepted_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_number" text NOT NULL,
	"kind" text NOT NULL,
	"insurer_id" uuid NOT NULL,
	"insured_id" uuid NOT NULL,
	"policyholder_id" uuid NOT NULL,
	"case_id" uuid,
	"premium_fen" bigint NOT NULL,
	"premium_rate_bps" integer,
	"coverage_share_bps" integer,
	"sum_insured_fen" bigint,
	"cap_fen" bigint,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"state" text NOT NULL,
	"note" text,
	"created_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_claim_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_date" date NOT NULL,
	"reference" text NOT NULL,
	"paid_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_number" text NOT NULL,
	"case_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"payer_role" text NOT NULL,
	"payer_organisation_id" uuid NOT NULL,
	"claimant_organisation_id" uuid NOT NULL,
	"pool_filing_id" uuid,
	"budget_year" integer,
	"loss_principal_fen" bigint NOT NULL,
	"loss_interest_fen" bigint NOT NULL,
	"claimed_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"shortfall_fen" bigint,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"documents" jsonb NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"reviewed_by_user_id" uuid,
	"decided_by_user_id" uuid,
	"rejection_reason" text,
	"idempotency_key" text,
	"filed_date" date NOT NULL,
	"decided_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_pool_budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"used_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_pool_filings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"loan_category" text NOT NULL,
	"ratio_bps" integer NOT NULL,
	"budget_year" integer NOT NULL,
	"principal_fen" bigint NOT NULL,
	"filed_date" date NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_pool_memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"added_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_pools" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fund_organisation_id" uuid,
	"level" text NOT NULL,
	"district" text,
	"fund_size_fen" bigint NOT NULL,
	"ratios" jsonb NOT NULL,
	"ratios_effective_date" date NOT NULL,
	"loss_base" text DEFAULT 'principal' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_recovery_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source" text NOT NULL,
	"distribution_id" uuid,
	"recovery_reference" text,
	"role" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"claim_id" uuid,
	"amount_fen" bigint NOT NULL,
	"shared_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_sharing_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"agreement" jsonb NOT NULL,
	"loss_base" text NOT NULL,
	"fixed_on" date NOT NULL,
	"guarantee_id" uuid,
	"insurance_policy_id" uuid,
	"pool_filing_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disposition_cases" ADD CONSTRAINT "disposition_cases_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_cases" ADD CONSTRAINT "disposition_cases_agreement_id_risk_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."risk_sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_cases" ADD CONSTRAINT "disposition_cases_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_costs" ADD CONSTRAINT "disposition_costs_disposition_id_disposition_cases_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."disposition_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_costs" ADD CONSTRAINT "disposition_costs_distribution_id_disposition_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."disposition_distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_costs" ADD CONSTRAINT "disposition_costs_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_distributions" ADD CONSTRAINT "disposition_distributions_disposition_id_disposition_cases_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."disposition_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_distributions" ADD CONSTRAINT "disposition_distributions_distributed_by_user_id_users_id_fk" FOREIGN KEY ("distributed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_proceeds" ADD CONSTRAINT "disposition_proceeds_disposition_id_disposition_cases_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."disposition_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_proceeds" ADD CONSTRAINT "disposition_proceeds_distribution_id_disposition_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."disposition_distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_proceeds" ADD CONSTRAINT "disposition_proceeds_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_products" ADD CONSTRAINT "guarantee_products_guarantor_id_organisations_id_fk" FOREIGN KEY ("guarantor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_products" ADD CONSTRAINT "guarantee_products_re_guarantor_id_organisations_id_fk" FOREIGN KEY ("re_guarantor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_products" ADD CONSTRAINT "guarantee_products_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_guarantor_id_organisations_id_fk" FOREIGN KEY ("guarantor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_product_id_guarantee_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."guarantee_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_re_guarantor_id_organisations_id_fk" FOREIGN KEY ("re_guarantor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_insured_id_organisations_id_fk" FOREIGN KEY ("insured_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_policyholder_id_organisations_id_fk" FOREIGN KEY ("policyholder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claim_payments" ADD CONSTRAINT "risk_claim_payments_claim_id_risk_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."risk_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claim_payments" ADD CONSTRAINT "risk_claim_payments_paid_by_user_id_users_id_fk" FOREIGN KEY ("paid_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_agreement_id_risk_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."risk_sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_payer_organisation_id_organisations_id_fk" FOREIGN KEY ("payer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_claimant_organisation_id_organisations_id_fk" FOREIGN KEY ("claimant_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_pool_filing_id_risk_pool_filings_id_fk" FOREIGN KEY ("pool_filing_id") REFERENCES "public"."risk_pool_filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_claims" ADD CONSTRAINT "risk_claims_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_budgets" ADD CONSTRAINT "risk_pool_budgets_pool_id_risk_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."risk_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_filings" ADD CONSTRAINT "risk_pool_filings_pool_id_risk_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."risk_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_filings" ADD CONSTRAINT "risk_pool_filings_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_filings" ADD CONSTRAINT "risk_pool_filings_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_filings" ADD CONSTRAINT "risk_pool_filings_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_filings" ADD CONSTRAINT "risk_pool_filings_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_memberships" ADD CONSTRAINT "risk_pool_memberships_pool_id_risk_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."risk_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_memberships" ADD CONSTRAINT "risk_pool_memberships_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pool_memberships" ADD CONSTRAINT "risk_pool_memberships_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pools" ADD CONSTRAINT "risk_pools_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_pools" ADD CONSTRAINT "risk_pools_fund_organisation_id_organisations_id_fk" FOREIGN KEY ("fund_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_recovery_shares" ADD CONSTRAINT "risk_recovery_shares_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_recovery_shares" ADD CONSTRAINT "risk_recovery_shares_distribution_id_disposition_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."disposition_distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_recovery_shares" ADD CONSTRAINT "risk_recovery_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_recovery_shares" ADD CONSTRAINT "risk_recovery_shares_claim_id_risk_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."risk_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_sharing_agreements" ADD CONSTRAINT "risk_sharing_agreements_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_sharing_agreements" ADD CONSTRAINT "risk_sharing_agreements_guarantee_id_guarantees_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."guarantees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_sharing_agreements" ADD CONSTRAINT "risk_sharing_agreements_insurance_policy_id_insurance_policies_id_fk" FOREIGN KEY ("insurance_policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_sharing_agreements" ADD CONSTRAINT "risk_sharing_agreements_pool_filing_id_risk_pool_filings_id_fk" FOREIGN KEY ("pool_filing_id") REFERENCES "public"."risk_pool_filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_cases_case_uq" ON "disposition_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disposition_cases_state_idx" ON "disposition_cases" USING btree ("state");--> statement-breakpoint
CREATE INDEX "disposition_costs_disposition_idx" ON "disposition_costs" USING btree ("disposition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_distributions_seq_uq" ON "disposition_distributions" USING btree ("disposition_id","sequence");--> statement-breakpoint
CREATE INDEX "disposition_proceeds_disposition_idx" ON "disposition_proceeds" USING btree ("disposition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_proceeds_reference_uq" ON "disposition_proceeds" USING btree ("disposition_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_products_guarantor_code_uq" ON "guarantee_products" USING btree ("guarantor_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantees_case_uq" ON "guarantees" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantees_contract_number_uq" ON "guarantees" USING btree ("contract_number");--> statement-breakpoint
CREATE INDEX "guarantees_guarantor_idx" ON "guarantees" USING btree ("guarantor_id","created_at");--> statement-breakpoint
CREATE INDEX "guarantees_re_guarantor_idx" ON "guarantees" USING btree ("re_guarantor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_number_uq" ON "insurance_policies" USING btree ("policy_number");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_case_guarantee_uq" ON "insurance_policies" USING btree ("case_id") WHERE "insurance_policies"."kind" = 'pledge_financing_guarantee' and "insurance_policies"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "insurance_policies_insurer_idx" ON "insurance_policies" USING btree ("insurer_id","created_at");--> statement-breakpoint
CREATE INDEX "insurance_policies_policyholder_idx" ON "insurance_policies" USING btree ("policyholder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_claim_payments_claim_uq" ON "risk_claim_payments" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_claims_number_uq" ON "risk_claims" USING btree ("claim_number");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_claims_case_payer_live_uq" ON "risk_claims" USING btree ("case_id","payer_role") WHERE "risk_claims"."state" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "risk_claims_idempotency_uq" ON "risk_claims" USING btree ("claimant_organisation_id","idempotency_key") WHERE "risk_claims"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "risk_claims_payer_idx" ON "risk_claims" USING btree ("payer_organisation_id","state");--> statement-breakpoint
CREATE INDEX "risk_claims_claimant_idx" ON "risk_claims" USING btree ("claimant_organisation_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_pool_budgets_pool_year_uq" ON "risk_pool_budgets" USING btree ("pool_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_pool_filings_case_uq" ON "risk_pool_filings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "risk_pool_filings_pool_idx" ON "risk_pool_filings" USING btree ("pool_id","filed_date");--> statement-breakpoint
CREATE INDEX "risk_pool_filings_bank_idx" ON "risk_pool_filings" USING btree ("bank_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_pool_memberships_open_uq" ON "risk_pool_memberships" USING btree ("pool_id","bank_id") WHERE "risk_pool_memberships"."to_date" is null;--> statement-breakpoint
CREATE INDEX "risk_pool_memberships_bank_idx" ON "risk_pool_memberships" USING btree ("bank_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_pools_organisation_uq" ON "risk_pools" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "risk_pools_district_idx" ON "risk_pools" USING btree ("level","district");--> statement-breakpoint
CREATE INDEX "risk_recovery_shares_case_idx" ON "risk_recovery_shares" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "risk_recovery_shares_org_idx" ON "risk_recovery_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_recovery_shares_distribution_role_uq" ON "risk_recovery_shares" USING btree ("distribution_id","role") WHERE "risk_recovery_shares"."distribution_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_sharing_agreements_case_version_uq" ON "risk_sharing_agreements" USING btree ("case_id","version");