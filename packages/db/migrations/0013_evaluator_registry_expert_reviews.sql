CREATE TABLE "evaluator_admissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"licence_number" text NOT NULL,
	"certified_valuers" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"fee_share_enterprise_bps" integer NOT NULL,
	"fee_share_bank_bps" integer NOT NULL,
	"fee_share_subsidy_bps" integer NOT NULL,
	"applied_by_user_id" uuid NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluator_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"admission_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_review_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"draw_order" integer NOT NULL,
	"draw_key" text NOT NULL,
	"opinion_outcome" text,
	"opinion_adjusted_value_fen" bigint,
	"opinion" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_number" text NOT NULL,
	"case_id" uuid NOT NULL,
	"valuation_id" uuid,
	"evaluator_organisation_id" uuid NOT NULL,
	"reported_value_fen" bigint NOT NULL,
	"expert_count" integer NOT NULL,
	"required_ipc_prefixes" jsonb NOT NULL,
	"state" text NOT NULL,
	"hash_algorithm" text NOT NULL,
	"seed_commitment" text NOT NULL,
	"seed" text NOT NULL,
	"seed_revealed_at" timestamp with time zone,
	"candidates" jsonb,
	"conflicts" jsonb,
	"excluded" jsonb,
	"outcome" text,
	"adjusted_value_fen" bigint,
	"conclusion_reason" text,
	"created_by_user_id" uuid NOT NULL,
	"drawn_by_user_id" uuid,
	"drawn_at" timestamp with time zone,
	"concluded_by_user_id" uuid,
	"concluded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"fields" jsonb NOT NULL,
	"ipc_expertise" jsonb NOT NULL,
	"affiliation_organisation_id" uuid,
	"affiliation_name" text NOT NULL,
	"user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluator_admissions" ADD CONSTRAINT "evaluator_admissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_admissions" ADD CONSTRAINT "evaluator_admissions_applied_by_user_id_users_id_fk" FOREIGN KEY ("applied_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_admissions" ADD CONSTRAINT "evaluator_admissions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_status_history" ADD CONSTRAINT "evaluator_status_history_admission_id_evaluator_admissions_id_fk" FOREIGN KEY ("admission_id") REFERENCES "public"."evaluator_admissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_status_history" ADD CONSTRAINT "evaluator_status_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_review_members" ADD CONSTRAINT "expert_review_members_review_id_expert_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."expert_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_review_members" ADD CONSTRAINT "expert_review_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_review_members" ADD CONSTRAINT "expert_review_members_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_evaluator_organisation_id_organisations_id_fk" FOREIGN KEY ("evaluator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_drawn_by_user_id_users_id_fk" FOREIGN KEY ("drawn_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_concluded_by_user_id_users_id_fk" FOREIGN KEY ("concluded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_affiliation_organisation_id_organisations_id_fk" FOREIGN KEY ("affiliation_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluator_admissions_open_uq" ON "evaluator_admissions" USING btree ("organisation_id") WHERE "evaluator_admissions"."state" in ('applied', 'admitted', 'suspended');--> statement-breakpoint
CREATE INDEX "evaluator_admissions_state_idx" ON "evaluator_admissions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "evaluator_status_history_admission_idx" ON "evaluator_status_history" USING btree ("admission_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_review_members_uq" ON "expert_review_members" USING btree ("review_id","expert_id");--> statement-breakpoint
CREATE INDEX "expert_review_members_expert_idx" ON "expert_review_members" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_reviews_number_uq" ON "expert_reviews" USING btree ("review_number");--> statement-breakpoint
CREATE INDEX "expert_reviews_case_idx" ON "expert_reviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "expert_reviews_evaluator_idx" ON "expert_reviews" USING btree ("evaluator_organisation_id","state");--> statement-breakpoint
CREATE INDEX "experts_active_idx" ON "experts" USING btree ("active");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_uq" ON "experts" USING btree ("user_id");