CREATE TABLE "valuation_assets" (
	"valuation_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"value_fen" bigint NOT NULL,
	"overall_score" text
);
--> statement-breakpoint
CREATE TABLE "valuations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"scenario" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"valuation_date" date NOT NULL,
	"valid_until" date NOT NULL,
	"evaluation_firm_name" text,
	"report_number" text,
	"signed_on" date,
	"valuers" jsonb NOT NULL,
	"method" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"value_fen" bigint NOT NULL,
	"low_fen" bigint NOT NULL,
	"high_fen" bigint NOT NULL,
	"pledge_value_fen" bigint NOT NULL,
	"max_loan_fen" bigint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD COLUMN "valuation_id" uuid;--> statement-breakpoint
ALTER TABLE "valuation_assets" ADD CONSTRAINT "valuation_assets_valuation_id_valuations_id_fk" FOREIGN KEY ("valuation_id") REFERENCES "public"."valuations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_assets" ADD CONSTRAINT "valuation_assets_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "valuation_assets_pk_idx" ON "valuation_assets" USING btree ("valuation_id","asset_id");--> statement-breakpoint
CREATE INDEX "valuation_assets_asset_idx" ON "valuation_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "valuations_number_idx" ON "valuations" USING btree ("number");--> statement-breakpoint
CREATE INDEX "valuations_enterprise_idx" ON "valuations" USING btree ("enterprise_id","valid_until");--> statement-breakpoint
CREATE INDEX "valuations_organisation_idx" ON "valuations" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "case_evaluations" ADD CONSTRAINT "case_evaluations_valuation_id_valuations_id_fk" FOREIGN KEY ("valuation_id") REFERENCES "public"."valuations"("id") ON DELETE no action ON UPDATE no action;