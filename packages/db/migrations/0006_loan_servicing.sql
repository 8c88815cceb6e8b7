CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"principal_fen" bigint NOT NULL,
	"outstanding_principal_fen" bigint NOT NULL,
	"lpr_tenor" text NOT NULL,
	"lpr_rate_pct" text NOT NULL,
	"spread_bps" integer NOT NULL,
	"penalty_markup_pct" text NOT NULL,
	"repayment_method" text NOT NULL,
	"term_months" integer NOT NULL,
	"disbursement_date" date NOT NULL,
	"maturity_date" date NOT NULL,
	"entrusted_payment" boolean NOT NULL,
	"counterparty_name" text,
	"counterparty_account" text,
	"entrusted_reference" text,
	"restructured" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"closed_date" date,
	"serviced_through_date" date,
	"days_past_due" integer DEFAULT 0 NOT NULL,
	"own_grade" text DEFAULT 'normal' NOT NULL,
	"grade" text DEFAULT 'normal' NOT NULL,
	"disbursed_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_installments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"accrual_start_date" date NOT NULL,
	"accrual_end_date" date NOT NULL,
	"due_date" date NOT NULL,
	"opening_balance_fen" bigint NOT NULL,
	"principal_fen" bigint NOT NULL,
	"interest_fen" bigint NOT NULL,
	"principal_paid_fen" bigint DEFAULT 0 NOT NULL,
	"interest_paid_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_charged_fen" bigint DEFAULT 0 NOT NULL,
	"compound_charged_fen" bigint DEFAULT 0 NOT NULL,
	"charges_paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"charge_base_date" date,
	"charged_through_date" date,
	"paid_date" date
);
--> statement-breakpoint
CREATE TABLE "loan_postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"repayment_id" uuid,
	"posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"prepayment_option" text,
	"repayment_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"penalty_fen" bigint NOT NULL,
	"interest_fen" bigint NOT NULL,
	"principal_fen" bigint NOT NULL,
	"posted_by_user_id" uuid NOT NULL,
	"posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "servicing_job_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_date" date NOT NULL,
	"phase" text NOT NULL,
	"cursor_loan_id" uuid,
	"loans_processed" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_accounts" ADD CONSTRAINT "loan_accounts_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_accounts" ADD CONSTRAINT "loan_accounts_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_accounts" ADD CONSTRAINT "loan_accounts_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_accounts" ADD CONSTRAINT "loan_accounts_disbursed_by_user_id_users_id_fk" FOREIGN KEY ("disbursed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_installments" ADD CONSTRAINT "loan_installments_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_postings" ADD CONSTRAINT "loan_postings_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_postings" ADD CONSTRAINT "loan_postings_repayment_id_loan_repayments_id_fk" FOREIGN KEY ("repayment_id") REFERENCES "public"."loan_repayments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_posted_by_user_id_users_id_fk" FOREIGN KEY ("posted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_org_key_uq" ON "idempotency_keys" USING btree ("organisation_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_accounts_case_uq" ON "loan_accounts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "loan_accounts_borrower_idx" ON "loan_accounts" USING btree ("bank_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "loan_accounts_status_idx" ON "loan_accounts" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "loan_installments_account_idx" ON "loan_installments" USING btree ("loan_account_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_postings_daily_uq" ON "loan_postings" USING btree ("loan_account_id","business_date","kind") WHERE "loan_postings"."repayment_id" is null;--> statement-breakpoint
CREATE INDEX "loan_postings_date_idx" ON "loan_postings" USING btree ("business_date");--> statement-breakpoint
CREATE INDEX "loan_repayments_account_idx" ON "loan_repayments" USING btree ("loan_account_id","posted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "servicing_job_runs_date_uq" ON "servicing_job_runs" USING btree ("business_date");