CREATE TABLE "subsidy_reward_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_number" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"applicant_unit_id" uuid NOT NULL,
	"beneficiary" text NOT NULL,
	"scheme_version_id" uuid NOT NULL,
	"scheme_id" text NOT NULL,
	"reward_year" integer NOT NULL,
	"requested_fen" bigint NOT NULL,
	"granted_fen" bigint,
	"state" text NOT NULL,
	"submitted_by_user_id" uuid NOT NULL,
	"reviewed_by_user_id" uuid,
	"review_note" text,
	"approved_by_user_id" uuid,
	"rejected_by_user_id" uuid,
	"reject_reason" text,
	"paid_by_user_id" uuid,
	"paid_date" date,
	"payment_reference" text,
	"clawed_back_by_user_id" uuid,
	"clawback_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_reward_loans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"scheme_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"granted_fen" bigint,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_applicant_unit_id_organisations_id_fk" FOREIGN KEY ("applicant_unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_scheme_version_id_subsidy_schemes_id_fk" FOREIGN KEY ("scheme_version_id") REFERENCES "public"."subsidy_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_rejected_by_user_id_users_id_fk" FOREIGN KEY ("rejected_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_paid_by_user_id_users_id_fk" FOREIGN KEY ("paid_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_applications" ADD CONSTRAINT "subsidy_reward_applications_clawed_back_by_user_id_users_id_fk" FOREIGN KEY ("clawed_back_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_loans" ADD CONSTRAINT "subsidy_reward_loans_application_id_subsidy_reward_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_reward_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reward_loans" ADD CONSTRAINT "subsidy_reward_loans_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_reward_applications_number_uq" ON "subsidy_reward_applications" USING btree ("application_number");--> statement-breakpoint
CREATE INDEX "subsidy_reward_applications_institution_idx" ON "subsidy_reward_applications" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE INDEX "subsidy_reward_applications_state_idx" ON "subsidy_reward_applications" USING btree ("state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_reward_loans_live_uq" ON "subsidy_reward_loans" USING btree ("scheme_id","case_id") WHERE "subsidy_reward_loans"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_reward_loans_application_case_uq" ON "subsidy_reward_loans" USING btree ("application_id","case_id");--> statement-breakpoint
CREATE INDEX "subsidy_reward_loans_case_idx" ON "subsidy_reward_loans" USING btree ("case_id");