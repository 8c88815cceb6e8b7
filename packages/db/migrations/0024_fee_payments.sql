CREATE TABLE "fee_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"payee_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_date" date NOT NULL,
	"invoice_number" text NOT NULL,
	"evidence_attachment_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_payments_amount_positive" CHECK ("fee_payments"."amount_fen" > 0),
	CONSTRAINT "fee_payments_kind" CHECK ("fee_payments"."kind" in ('evaluation_fee', 'service_fee')),
	CONSTRAINT "fee_payments_enterprise_evidence" CHECK ("fee_payments"."recorded_by" = 'payee' or "fee_payments"."evidence_attachment_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_payee_organisation_id_organisations_id_fk" FOREIGN KEY ("payee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_evidence_attachment_id_case_attachments_id_fk" FOREIGN KEY ("evidence_attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_payee_invoice_uq" ON "fee_payments" USING btree ("payee_organisation_id","invoice_number");--> statement-breakpoint
CREATE INDEX "fee_payments_case_idx" ON "fee_payments" USING btree ("case_id","paid_date");