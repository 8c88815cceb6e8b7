CREATE TABLE "avm_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"run_by_user_id" uuid,
	"organisation_id" uuid,
	"role" text,
	"scope" text NOT NULL,
	"enterprise_id" uuid,
	"requested_asset_count" integer,
	"count" integer NOT NULL,
	"as_of_date" date NOT NULL,
	"parameters_version" text NOT NULL,
	"weight_table_version" text NOT NULL,
	"total_value_fen" bigint NOT NULL,
	"mean_score" text NOT NULL,
	"revenue_known_count" integer NOT NULL,
	"checksum" text NOT NULL,
	"load_ms" integer NOT NULL,
	"score_ms" integer NOT NULL,
	"elapsed_ms" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "avm_runs" ADD CONSTRAINT "avm_runs_run_by_user_id_users_id_fk" FOREIGN KEY ("run_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avm_runs" ADD CONSTRAINT "avm_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avm_runs" ADD CONSTRAINT "avm_runs_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avm_runs_started_idx" ON "avm_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "avm_runs_organisation_idx" ON "avm_runs" USING btree ("organisation_id","started_at");