CREATE TABLE "ip_asset_import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file" "bytea" NOT NULL,
	"file_sha256" text NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ip_asset_licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"licensee_name" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"disclosed_to_pledgee" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_asset_owners" (
	"asset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"enterprise_id" uuid,
	"name" text NOT NULL,
	"share_bps" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_asset_status_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"legal_status" text NOT NULL,
	"flags" jsonb NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"pct_national_phase" boolean DEFAULT false NOT NULL,
	"filing_date" date,
	"grant_date" date,
	"term_facts" jsonb NOT NULL,
	"term_compensation_days" integer DEFAULT 0 NOT NULL,
	"expiry_date" date,
	"base_expiry_date" date,
	"term_basis" text NOT NULL,
	"legal_status" text NOT NULL,
	"flags" jsonb NOT NULL,
	"annual_fee_paid_through" date,
	"ipc_classes" jsonb NOT NULL,
	"nice_classes" jsonb NOT NULL,
	"similar_mark_asset_ids" jsonb NOT NULL,
	"same_day_dual_application" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ip_asset_import_batches" ADD CONSTRAINT "ip_asset_import_batches_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_asset_import_batches" ADD CONSTRAINT "ip_asset_import_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_asset_licences" ADD CONSTRAINT "ip_asset_licences_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_asset_owners" ADD CONSTRAINT "ip_asset_owners_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_asset_owners" ADD CONSTRAINT "ip_asset_owners_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_asset_status_events" ADD CONSTRAINT "ip_asset_status_events_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_asset_licences_asset_idx" ON "ip_asset_licences" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_asset_owners_pk" ON "ip_asset_owners" USING btree ("asset_id","position");--> statement-breakpoint
CREATE INDEX "ip_asset_owners_enterprise_idx" ON "ip_asset_owners" USING btree ("enterprise_id","asset_id");--> statement-breakpoint
CREATE INDEX "ip_asset_status_events_asset_idx" ON "ip_asset_status_events" USING btree ("asset_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_assets_kind_number_uq" ON "ip_assets" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "ip_assets_number_idx" ON "ip_assets" USING btree ("number");--> statement-breakpoint
CREATE INDEX "ip_assets_status_idx" ON "ip_assets" USING btree ("legal_status");--> statement-breakpoint
CREATE INDEX "ip_assets_expiry_idx" ON "ip_assets" USING btree ("expiry_date");