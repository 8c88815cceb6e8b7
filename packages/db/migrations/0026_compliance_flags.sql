CREATE TABLE "compliance_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_authority" text NOT NULL,
	"source_reference" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"cleared_on" date,
	"clear_reason" text,
	"cleared_by_user_id" uuid,
	"cleared_at" timestamp with time zone,
	CONSTRAINT "compliance_flags_cleared_after_ck" CHECK ("compliance_flags"."cleared_on" is null or "compliance_flags"."cleared_on" > "compliance_flags"."effective_on")
);
--> statement-breakpoint
ALTER TABLE "compliance_flags" ADD CONSTRAINT "compliance_flags_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_flags" ADD CONSTRAINT "compliance_flags_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_flags" ADD CONSTRAINT "compliance_flags_cleared_by_user_id_users_id_fk" FOREIGN KEY ("cleared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_flags_enterprise_idx" ON "compliance_flags" USING btree ("enterprise_id","effective_on");--> statement-breakpoint
CREATE INDEX "compliance_flags_kind_idx" ON "compliance_flags" USING btree ("kind","cleared_on");