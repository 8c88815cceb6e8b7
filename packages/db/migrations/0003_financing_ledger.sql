CREATE TABLE "bank_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"accepted_ip_kinds" jsonb NOT NULL,
	"min_amount_fen" bigint NOT NULL,
	"max_amount_fen" bigint NOT NULL,
	"min_term_months" integer NOT NULL,
	"max_term_months" integer NOT NULL,
	"lpr_tenor" text NOT NULL,
	"min_spread_bps" integer NOT NULL,
	"max_spread_bps" integer NOT NULL,
	"repayment_methods" jsonb NOT NULL,
	"max_pledge_rate_bps_by_kind" jsonb NOT NULL,
	"combined_models" jsonb NOT NULL,
	"approval_levels" jsonb NOT NULL,
	"credit_committee_threshold_fen" bigint,
	"committee_rules" jsonb NOT NULL,
	"disbursement_requires_registration" boolean NOT NULL,
	"allows_internal_evaluation_up_to_fen" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"approver_user_id" uuid NOT NULL,
	"authority_level" integer NOT NULL,
	"required_level" integer,
	"decision" text NOT NULL,
	"reason_code" text,
	"note" text,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_assets" (
	"case_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"risk_scorecard_id" text,
	"risk_score" integer,
	"risk_outcome" text,
	"risk_reasons" jsonb,
	"risk_facts" jsonb,
	"value_basis" text,
	"evaluator_name" text,
	"valuers" jsonb,
	"valuation_method" text,
	"valuation_date" date,
	"valid_until" date,
	"asset_values" jsonb,
	"value_fen" bigint,
	"pledge_rate_pct" text,
	"pledge_rate_cap_pct" text,
	"credit_rating" text,
	"credit_line_fen" bigint,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"actor_role" text NOT NULL,
	"reason_code" text,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_committee_votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"note" text,
	"voted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"bank_unit_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"product_id" uuid,
	"state" text NOT NULL,
	"origin" text NOT NULL,
	"lead_source" text,
	"amount_fen" bigint,
	"term_months" integer,
	"repayment_method" text,
	"spread_bps" integer,
	"combined_model" text,
	"pledgee_kind" text DEFAULT 'bank' NOT NULL,
	"prepared_by_user_ids" jsonb NOT NULL,
	"decline_reason_code" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_products" ADD CONSTRAINT "bank_products_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_approver_user_id_users_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assets" ADD CONSTRAINT "case_assets_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assets" ADD CONSTRAINT "case_assets_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD CONSTRAINT "case_evaluations_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD CONSTRAINT "case_evaluations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_committee_votes" ADD CONSTRAINT "credit_committee_votes_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_committee_votes" ADD CONSTRAINT "credit_committee_votes_member_user_id_users_id_fk" FOREIGN KEY ("member_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_cases" ADD CONSTRAINT "financing_cases_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_cases" ADD CONSTRAINT "financing_cases_bank_unit_id_organisations_id_fk" FOREIGN KEY ("bank_unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_cases" ADD CONSTRAINT "financing_cases_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_cases" ADD CONSTRAINT "financing_cases_product_id_bank_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."bank_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_products_bank_code_uq" ON "bank_products" USING btree ("bank_id","code");--> statement-breakpoint
CREATE INDEX "case_approvals_case_idx" ON "case_approvals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_assets_pk" ON "case_assets" USING btree ("case_id","asset_id");--> statement-breakpoint
CREATE INDEX "case_assets_asset_idx" ON "case_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "case_evaluations_case_idx" ON "case_evaluations" USING btree ("case_id","step");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_committee_votes_uq" ON "credit_committee_votes" USING btree ("case_id","member_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "financing_cases_number_uq" ON "financing_cases" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "financing_cases_enterprise_idx" ON "financing_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "financing_cases_bank_unit_idx" ON "financing_cases" USING btree ("bank_unit_id","state");--> statement-breakpoint
CREATE INDEX "financing_cases_bank_idx" ON "financing_cases" USING btree ("bank_id","state");--> statement-breakpoint
CREATE INDEX "financing_cases_state_idx" ON "financing_cases" USING btree ("state","state_entered_at");