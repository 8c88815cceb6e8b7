CREATE TABLE "whitelist_grades" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_organisation_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"source" text NOT NULL,
	"scorecard_id" uuid,
	"source_key" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_release_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"release_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_organisation_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"features" jsonb NOT NULL,
	"released" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_organisation_id" uuid NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"released_by_user_id" uuid NOT NULL,
	"k" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"suppressed_count" integer NOT NULL,
	"smallest_class" integer NOT NULL,
	"row_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"epsilon_spent" numeric(10, 4),
	"noisy_counts" jsonb
);
--> statement-breakpoint
CREATE TABLE "whitelist_round_banks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_organisation_id" uuid NOT NULL,
	"pseudonym_secret_enc" text NOT NULL,
	"added_by_user_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_number" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"feature_set" jsonb NOT NULL,
	"scorecard_quota" integer DEFAULT 3 NOT NULL,
	"noise_epsilon" numeric(10, 4),
	"state" text NOT NULL,
	"bureau_organisation_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"opened_by_user_id" uuid,
	"opened_at" timestamp with time zone,
	"released_by_user_id" uuid,
	"released_at" timestamp with time zone,
	"release_date" date,
	"closed_by_user_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"bank_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"state" text NOT NULL,
	"problems" jsonb NOT NULL,
	"graded_count" integer DEFAULT 0 NOT NULL,
	"submitted_by_user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "whitelist_grades" ADD CONSTRAINT "whitelist_grades_round_id_whitelist_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."whitelist_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_grades" ADD CONSTRAINT "whitelist_grades_bank_organisation_id_organisations_id_fk" FOREIGN KEY ("bank_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_grades" ADD CONSTRAINT "whitelist_grades_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_grades" ADD CONSTRAINT "whitelist_grades_scorecard_id_whitelist_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."whitelist_scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_grades" ADD CONSTRAINT "whitelist_grades_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_release_members" ADD CONSTRAINT "whitelist_release_members_release_id_whitelist_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."whitelist_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_release_members" ADD CONSTRAINT "whitelist_release_members_round_id_whitelist_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."whitelist_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_release_members" ADD CONSTRAINT "whitelist_release_members_bank_organisation_id_organisations_id_fk" FOREIGN KEY ("bank_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_release_members" ADD CONSTRAINT "whitelist_release_members_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_releases" ADD CONSTRAINT "whitelist_releases_round_id_whitelist_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."whitelist_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_releases" ADD CONSTRAINT "whitelist_releases_bank_organisation_id_organisations_id_fk" FOREIGN KEY ("bank_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_releases" ADD CONSTRAINT "whitelist_releases_released_by_user_id_users_id_fk" FOREIGN KEY ("released_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_round_banks" ADD CONSTRAINT "whitelist_round_banks_round_id_whitelist_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."whitelist_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_round_banks" ADD CONSTRAINT "whitelist_round_banks_bank_organisation_id_organisations_id_fk" FOREIGN KEY ("bank_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_round_banks" ADD CONSTRAINT "whitelist_round_banks_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rounds" ADD CONSTRAINT "whitelist_rounds_bureau_organisation_id_organisations_id_fk" FOREIGN KEY ("bureau_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rounds" ADD CONSTRAINT "whitelist_rounds_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rounds" ADD CONSTRAINT "whitelist_rounds_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rounds" ADD CONSTRAINT "whitelist_rounds_released_by_user_id_users_id_fk" FOREIGN KEY ("released_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_rounds" ADD CONSTRAINT "whitelist_rounds_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_scorecards" ADD CONSTRAINT "whitelist_scorecards_round_id_whitelist_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."whitelist_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_scorecards" ADD CONSTRAINT "whitelist_scorecards_bank_organisation_id_organisations_id_fk" FOREIGN KEY ("bank_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_scorecards" ADD CONSTRAINT "whitelist_scorecards_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_grades_uq" ON "whitelist_grades" USING btree ("round_id","bank_organisation_id","pseudonym","source_key");--> statement-breakpoint
CREATE INDEX "whitelist_grades_enterprise_idx" ON "whitelist_grades" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_release_members_pseudonym_uq" ON "whitelist_release_members" USING btree ("round_id","bank_organisation_id","pseudonym");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_release_members_enterprise_uq" ON "whitelist_release_members" USING btree ("round_id","bank_organisation_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_releases_round_bank_uq" ON "whitelist_releases" USING btree ("round_id","bank_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_round_banks_uq" ON "whitelist_round_banks" USING btree ("round_id","bank_organisation_id");--> statement-breakpoint
CREATE INDEX "whitelist_round_banks_bank_idx" ON "whitelist_round_banks" USING btree ("bank_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_rounds_number_uq" ON "whitelist_rounds" USING btree ("round_number");--> statement-breakpoint
CREATE INDEX "whitelist_rounds_state_idx" ON "whitelist_rounds" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "whitelist_scorecards_round_bank_idx" ON "whitelist_scorecards" USING btree ("round_id","bank_organisation_id");