CREATE TABLE "subsidy_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district" text NOT NULL,
	"scheme_version_id" uuid NOT NULL,
	"scheme_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"subsidy_year" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"declared" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"granted_fen" bigint,
	"state" text NOT NULL,
	"submitted_by_user_id" uuid NOT NULL,
	"reviewed_by_user_id" uuid,
	"review_note" text,
	"city_reviewed_by_user_id" uuid,
	"approved_by_user_id" uuid,
	"rejected_by_user_id" uuid,
	"reject_reason" text,
	"clawed_back_by_user_id" uuid,
	"clawback_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"district" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"used_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subsidy_budgets_not_overdrawn" CHECK ("subsidy_budgets"."used_fen" >= 0 and "subsidy_budgets"."used_fen" <= "subsidy_budgets"."total_fen")
);
--> statement-breakpoint
CREATE TABLE "subsidy_cost_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"scheme_id" text NOT NULL,
	"cost_id" text NOT NULL,
	"cost_kind" text NOT NULL,
	"cost_paid_fen" bigint NOT NULL,
	"claimed_fen" bigint NOT NULL,
	"subsidy_year" integer NOT NULL,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subsidy_cost_claims_within_cost" CHECK ("subsidy_cost_claims"."claimed_fen" > 0 and "subsidy_cost_claims"."claimed_fen" <= "subsidy_cost_claims"."cost_paid_fen")
);
--> statement-breakpoint
CREATE TABLE "subsidy_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_date" date NOT NULL,
	"reference" text NOT NULL,
	"paid_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_schemes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"issuing_body" text NOT NULL,
	"beneficiary" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"application_from" date,
	"application_to" date,
	"source_document" text NOT NULL,
	"source_article" text NOT NULL,
	"requires_city_review" boolean DEFAULT false NOT NULL,
	"scheme" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"published_by_user_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_scheme_version_id_subsidy_schemes_id_fk" FOREIGN KEY ("scheme_version_id") REFERENCES "public"."subsidy_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_city_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("city_reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_rejected_by_user_id_users_id_fk" FOREIGN KEY ("rejected_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_clawed_back_by_user_id_users_id_fk" FOREIGN KEY ("clawed_back_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_cost_claims" ADD CONSTRAINT "subsidy_cost_claims_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_cost_claims" ADD CONSTRAINT "subsidy_cost_claims_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_paid_by_user_id_users_id_fk" FOREIGN KEY ("paid_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_schemes" ADD CONSTRAINT "subsidy_schemes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_schemes" ADD CONSTRAINT "subsidy_schemes_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_number_uq" ON "subsidy_applications" USING btree ("application_number");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_live_uq" ON "subsidy_applications" USING btree ("scheme_id","case_id","subsidy_year") WHERE "subsidy_applications"."state" not in ('rejected', 'clawed_back');--> statement-breakpoint
CREATE INDEX "subsidy_applications_enterprise_idx" ON "subsidy_applications" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "subsidy_applications_district_idx" ON "subsidy_applications" USING btree ("district","state");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_budgets_scheme_district_uq" ON "subsidy_budgets" USING btree ("scheme_id","district");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_cost_claims_application_cost_uq" ON "subsidy_cost_claims" USING btree ("application_id","cost_id");--> statement-breakpoint
CREATE INDEX "subsidy_cost_claims_case_cost_idx" ON "subsidy_cost_claims" USING btree ("case_id","cost_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_application_uq" ON "subsidy_payments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_schemes_scheme_version_uq" ON "subsidy_schemes" USING btree ("scheme_id","version");--> statement-breakpoint
CREATE INDEX "subsidy_schemes_state_idx" ON "subsidy_schemes" USING btree ("state","scheme_id");