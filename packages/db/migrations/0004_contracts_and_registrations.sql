CREATE TABLE "case_participants" (
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"contract_number" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sm3_digest_hex" text NOT NULL,
	"required_signer_org_ids" jsonb NOT NULL,
	"superseded" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"signer_organisation_id" uuid NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"digest_hex" text NOT NULL,
	"user_id_a" text NOT NULL,
	"signature_hex" text NOT NULL,
	"method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"serial_number" text NOT NULL,
	"public_key_hex" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"record" jsonb NOT NULL,
	"key_custody" text NOT NULL,
	"signer_key_id" text,
	"revoked_at" timestamp with time zone,
	"registered_by_user_id" uuid,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_pledge_locks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"pledgee_organisation_id" uuid NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pledge_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"authority_id" text NOT NULL,
	"state" text NOT NULL,
	"application_number" text NOT NULL,
	"registration_number" text,
	"pledgor_organisation_id" uuid NOT NULL,
	"pledgee_organisation_id" uuid NOT NULL,
	"secured_amount_fen" bigint NOT NULL,
	"filing_date" date NOT NULL,
	"period_start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"decision_date" date,
	"within_time_limit" boolean,
	"working_days_to_decision" integer,
	"correction_requested_date" date,
	"missing_materials" jsonb,
	"refusal_grounds" jsonb,
	"notice" jsonb,
	"materials" jsonb NOT NULL,
	"period_end_date" date,
	"channel" text DEFAULT 'online' NOT NULL,
	"submitted_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"detail" jsonb,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_sequences" (
	"authority_id" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_document_id_case_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signer_organisation_id_organisations_id_fk" FOREIGN KEY ("signer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_certificate_id_signing_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."signing_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge_locks" ADD CONSTRAINT "asset_pledge_locks_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge_locks" ADD CONSTRAINT "asset_pledge_locks_registration_id_pledge_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."pledge_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge_locks" ADD CONSTRAINT "asset_pledge_locks_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_pledge_locks" ADD CONSTRAINT "asset_pledge_locks_pledgee_organisation_id_organisations_id_fk" FOREIGN KEY ("pledgee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_registrations" ADD CONSTRAINT "pledge_registrations_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_registrations" ADD CONSTRAINT "pledge_registrations_pledgor_organisation_id_organisations_id_fk" FOREIGN KEY ("pledgor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_registrations" ADD CONSTRAINT "pledge_registrations_pledgee_organisation_id_organisations_id_fk" FOREIGN KEY ("pledgee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_registrations" ADD CONSTRAINT "pledge_registrations_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_registration_id_pledge_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."pledge_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_participants_pk" ON "case_participants" USING btree ("case_id","role");--> statement-breakpoint
CREATE INDEX "case_participants_org_idx" ON "case_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_version_uq" ON "case_documents" USING btree ("case_id","kind","version");--> statement-breakpoint
CREATE INDEX "case_documents_digest_idx" ON "case_documents" USING btree ("sm3_digest_hex");--> statement-breakpoint
CREATE UNIQUE INDEX "document_signatures_uq" ON "document_signatures" USING btree ("document_id","signer_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_serial_uq" ON "signing_certificates" USING btree ("issuer_name","serial_number");--> statement-breakpoint
CREATE INDEX "signing_certificates_org_idx" ON "signing_certificates" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_pledge_locks_active_uq" ON "asset_pledge_locks" USING btree ("asset_id") WHERE "asset_pledge_locks"."released_at" is null;--> statement-breakpoint
CREATE INDEX "asset_pledge_locks_registration_idx" ON "asset_pledge_locks" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_registrations_application_uq" ON "pledge_registrations" USING btree ("application_number");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_registrations_number_uq" ON "pledge_registrations" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "pledge_registrations_case_idx" ON "pledge_registrations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "pledge_registrations_pledgee_idx" ON "pledge_registrations" USING btree ("pledgee_organisation_id","state");--> statement-breakpoint
CREATE INDEX "registration_events_registration_idx" ON "registration_events" USING btree ("registration_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_sequences_pk" ON "registration_sequences" USING btree ("authority_id","year");