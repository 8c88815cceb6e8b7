CREATE TABLE "bank_product_checklists" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"checklist" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_due_diligence_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"checklist_id" text NOT NULL,
	"checklist_version" integer NOT NULL,
	"item_code" text NOT NULL,
	"checked" boolean NOT NULL,
	"note" text,
	"evidence" text,
	"checked_by_user_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_product_checklists" ADD CONSTRAINT "bank_product_checklists_product_id_bank_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."bank_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_due_diligence_items" ADD CONSTRAINT "case_due_diligence_items_case_id_financing_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."financing_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_due_diligence_items" ADD CONSTRAINT "case_due_diligence_items_checked_by_user_id_users_id_fk" FOREIGN KEY ("checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_due_diligence_items_case_item_uq" ON "case_due_diligence_items" USING btree ("case_id","item_code");