CREATE TABLE "loan_contract_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loan_account_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"recorded_date" date NOT NULL,
	"principal_fen" bigint NOT NULL,
	"lpr_tenor" text NOT NULL,
	"lpr_rate_pct" text NOT NULL,
	"spread_bps" integer NOT NULL,
	"repayment_method" text NOT NULL,
	"term_months" integer NOT NULL,
	"maturity_date" date NOT NULL,
	"extension_months" integer,
	"restructured" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "loan_accounts" ADD COLUMN "contract_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "loan_installments" ADD COLUMN "contract_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "loan_contract_versions" ADD CONSTRAINT "loan_contract_versions_loan_account_id_loan_accounts_id_fk" FOREIGN KEY ("loan_account_id") REFERENCES "public"."loan_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_contract_versions" ADD CONSTRAINT "loan_contract_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loan_contract_versions_uq" ON "loan_contract_versions" USING btree ("loan_account_id","version");