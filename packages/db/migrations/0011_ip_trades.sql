CREATE TABLE "ip_trade_listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"asking_price_fen" bigint,
	"listed_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" text NOT NULL,
	"owner_enterprise_id" uuid NOT NULL,
	"lister_organisation_id" uuid NOT NULL,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ip_trade_listings_period_ck" CHECK ("ip_trade_listings"."expires_on" >= "ip_trade_listings"."listed_on")
);
--> statement-breakpoint
CREATE TABLE "ip_trades" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid,
	"listing_id" uuid,
	"ip_kind" text NOT NULL,
	"asset_number" text NOT NULL,
	"asset_title" text NOT NULL,
	"ipc_classes" jsonb NOT NULL,
	"nice_classes" jsonb NOT NULL,
	"main_ipc_subclass" text,
	"kind" text NOT NULL,
	"price_fen" bigint,
	"royalty_rate_bps" integer,
	"trade_date" date NOT NULL,
	"seller_name" text NOT NULL,
	"buyer_name" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ip_trades_price_ck" CHECK ("ip_trades"."price_fen" is not null or "ip_trades"."royalty_rate_bps" is not null)
);
--> statement-breakpoint
ALTER TABLE "ip_trade_listings" ADD CONSTRAINT "ip_trade_listings_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trade_listings" ADD CONSTRAINT "ip_trade_listings_owner_enterprise_id_organisations_id_fk" FOREIGN KEY ("owner_enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trade_listings" ADD CONSTRAINT "ip_trade_listings_lister_organisation_id_organisations_id_fk" FOREIGN KEY ("lister_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trade_listings" ADD CONSTRAINT "ip_trade_listings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trades" ADD CONSTRAINT "ip_trades_asset_id_ip_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trades" ADD CONSTRAINT "ip_trades_listing_id_ip_trade_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."ip_trade_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trades" ADD CONSTRAINT "ip_trades_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_trades" ADD CONSTRAINT "ip_trades_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_trade_listings_status_idx" ON "ip_trade_listings" USING btree ("status","listed_on");--> statement-breakpoint
CREATE INDEX "ip_trade_listings_asset_idx" ON "ip_trade_listings" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "ip_trade_listings_owner_idx" ON "ip_trade_listings" USING btree ("owner_enterprise_id");--> statement-breakpoint
CREATE INDEX "ip_trades_kind_date_idx" ON "ip_trades" USING btree ("ip_kind","trade_date");--> statement-breakpoint
CREATE INDEX "ip_trades_subclass_idx" ON "ip_trades" USING btree ("main_ipc_subclass","trade_date");--> statement-breakpoint
CREATE INDEX "ip_trades_date_idx" ON "ip_trades" USING btree ("trade_date");