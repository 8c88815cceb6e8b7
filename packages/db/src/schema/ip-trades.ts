import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ipAssets } from './ip-assets.ts';
import { organisations, users } from './parties.ts';

/**
 * 挂牌 (IP listing for sale or licence, R4): an asset on the platform offered by its owner enterprise or by the
 * trading centre on its behalf. `asking_price_fen` null means 面议 (price on request). Status: listed → withdrawn
 * | closed. Issue 8 later reads listed rows as buyers' and sellers' interest in disposition.
 */
export const ipTradeListings = pgTable(
  'ip_trade_listings',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    /** `sale` 转让, `exclusive_licence` 独占许可, `non_exclusive_licence` 普通许可. */
    kind: text('kind').notNull(),
    askingPriceFen: bigint('asking_price_fen', { mode: 'bigint' }),
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** The owner enterprise on whose behalf the asset is listed. */
    ownerEnterpriseId: uuid('owner_enterprise_id')
      .notNull()
      .references(() => organisations.id),
    /** Who listed it: the owner itself, or the trading centre / bureau acting for it. */
    listerOrganisationId: uuid('lister_organisation_id')
      .notNull()
      .references(() => organisations.id),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('ip_trade_listings_status_idx').on(t.status, t.listedOn),
    index('ip_trade_listings_asset_idx').on(t.assetId),
    index('ip_trade_listings_owner_idx').on(t.ownerEnterpriseId),
    check('ip_trade_listings_period_ck', sql`${t.expiresOn} >= ${t.listedOn}`),
  ],
);

/**
 * 成交记录 (completed trade or licence, R4): public market data and the market approach's comparables. The asset
 * may be off the platform (a 登记公告 record), so its kind, number and classes are kept on the row. A price in fen
 * or a royalty rate in basis points (or both); only priced rows serve as comparables.
 */
export const ipTrades = pgTable(
  'ip_trades',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id').references(() => ipAssets.id),
    listingId: uuid('listing_id').references(() => ipTradeListings.id),
    ipKind: text('ip_kind').notNull(),
    assetNumber: text('asset_number').notNull(),
    assetTitle: text('asset_title').notNull(),
    /** IPC classes (patents), main class first, e.g. `G06F 16/00`. */
    ipcClasses: jsonb('ipc_classes').$type<string[]>().notNull(),
    /** Nice classes (trademarks). */
    niceClasses: jsonb('nice_classes').$type<number[]>().notNull(),
    /** The main IPC subclass without spaces (`G06F`), for prefix search and comparable matching; null otherwise. */
    mainIpcSubclass: text('main_ipc_subclass'),
    kind: text('kind').notNull(),
    priceFen: bigint('price_fen', { mode: 'bigint' }),
    royaltyRateBps: integer('royalty_rate_bps'),
    tradeDate: date('trade_date', { mode: 'string' }).notNull(),
    sellerName: text('seller_name').notNull(),
    buyerName: text('buyer_name').notNull(),
    /** `trading_centre` 交易中心, `registration_notice` 登记公告, `platform_listing`, `other`. */
    source: text('source').notNull(),
    recordedByOrganisationId: uuid('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('ip_trades_kind_date_idx').on(t.ipKind, t.tradeDate),
    index('ip_trades_subclass_idx').on(t.mainIpcSubclass, t.tradeDate),
    index('ip_trades_date_idx').on(t.tradeDate),
    check('ip_trades_price_ck', sql`${t.priceFen} is not null or ${t.royaltyRateBps} is not null`),
  ],
);
