CREATE TABLE "reverse_evaluation_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_number" text NOT NULL,
	"request_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"as_of_date" date NOT NULL,
	"report" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reverse_evaluation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_number" text NOT NULL,
	"bank_unit_id" uuid NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"included" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"credit_band_low_fen" bigint,
	"credit_band_high_fen" bigint,
	"rule_set_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_push_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"push_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"bank_unit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"contacted_at" timestamp with time zone,
	"contacted_by_user_id" uuid,
	"contact_note" text
);
--> statement-breakpoint
CREATE TABLE "whitelist_pushes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"push_month" text NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"pushed_by_user_id" uuid,
	"entry_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_rule_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"published_by_user_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reverse_evaluation_reports" ADD CONSTRAINT "reverse_evaluation_reports_request_id_reverse_evaluation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reverse_evaluation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reverse_evaluation_reports" ADD CONSTRAINT "reverse_evaluation_reports_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reverse_evaluation_reports" ADD CONSTRAINT "reverse_evaluation_reports_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reverse_evaluation_requests" ADD CONSTRAINT "reverse_evaluation_requests_bank_unit_id_organisations_id_fk" FOREIGN KEY ("bank_unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reverse_evaluation_requests" ADD CONSTRAINT "reverse_evaluation_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_rule_set_id_whitelist_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."whitelist_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_push_id_whitelist_pushes_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."whitelist_pushes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_bank_unit_id_organisations_id_fk" FOREIGN KEY ("bank_unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_entry_id_whitelist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."whitelist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_push_entries" ADD CONSTRAINT "whitelist_push_entries_contacted_by_user_id_users_id_fk" FOREIGN KEY ("contacted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_pushes" ADD CONSTRAINT "whitelist_pushes_bank_id_organisations_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_pushes" ADD CONSTRAINT "whitelist_pushes_pushed_by_user_id_users_id_fk" FOREIGN KEY ("pushed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rule_sets" ADD CONSTRAINT "whitelist_rule_sets_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reverse_evaluation_reports_number_uq" ON "reverse_evaluation_reports" USING btree ("report_number");--> statement-breakpoint
CREATE INDEX "reverse_evaluation_reports_request_idx" ON "reverse_evaluation_reports" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "reverse_evaluation_reports_enterprise_idx" ON "reverse_evaluation_reports" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reverse_evaluation_requests_number_uq" ON "reverse_evaluation_requests" USING btree ("request_number");--> statement-breakpoint
CREATE INDEX "reverse_evaluation_requests_unit_idx" ON "reverse_evaluation_requests" USING btree ("bank_unit_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_entries_uq" ON "whitelist_entries" USING btree ("round_id","bank_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "whitelist_entries_bank_idx" ON "whitelist_entries" USING btree ("bank_id","included");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_push_entries_uq" ON "whitelist_push_entries" USING btree ("round_id","bank_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "whitelist_push_entries_enterprise_idx" ON "whitelist_push_entries" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "whitelist_push_entries_bank_unit_idx" ON "whitelist_push_entries" USING btree ("bank_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_push_entries_case_uq" ON "whitelist_push_entries" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_pushes_schedule_uq" ON "whitelist_pushes" USING btree ("round_id","bank_id","push_month") WHERE "whitelist_pushes"."trigger" = 'schedule';--> statement-breakpoint
CREATE INDEX "whitelist_pushes_bank_idx" ON "whitelist_pushes" USING btree ("bank_id","pushed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_rule_sets_version_uq" ON "whitelist_rule_sets" USING btree ("version");