CREATE TABLE "fee_payments_on_behalf" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"fee_year" integer NOT NULL,
	"paid_through_date" date NOT NULL,
	"added_to_secured_amount" boolean NOT NULL,
	"reference" text,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"pledgee_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"due_date" date NOT NULL,
	"detected_on" date NOT NULL,
	"source" text NOT NULL,
	"params" jsonb NOT NULL,
	"state" text NOT NULL,
	"acknowledged_by_user_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"resolved_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fee_payments_on_behalf" ADD CONSTRAINT "fee_payments_on_behalf_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments_on_behalf" ADD CONSTRAINT "fee_payments_on_behalf_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments_on_behalf" ADD CONSTRAINT "fee_payments_on_behalf_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_alerts" ADD CONSTRAINT "pledge_alerts_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_alerts" ADD CONSTRAINT "pledge_alerts_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_alerts" ADD CONSTRAINT "pledge_alerts_pledgee_organisation_id_organisations_id_fk" FOREIGN KEY ("pledgee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_alerts" ADD CONSTRAINT "pledge_alerts_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_alerts" ADD CONSTRAINT "pledge_alerts_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_on_behalf_year_uq" ON "fee_payments_on_behalf" USING btree ("case_id","asset_id","fee_year");--> statement-breakpoint
CREATE INDEX "fee_payments_on_behalf_asset_idx" ON "fee_payments_on_behalf" USING btree ("asset_id","paid_through_date");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_alerts_uq" ON "pledge_alerts" USING btree ("case_id","asset_id","kind","due_date");--> statement-breakpoint
CREATE INDEX "pledge_alerts_pledgee_idx" ON "pledge_alerts" USING btree ("pledgee_organisation_id","state","due_date");--> statement-breakpoint
CREATE INDEX "pledge_alerts_case_idx" ON "pledge_alerts" USING btree ("case_id");