import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './parties.ts';

/** `bytea` as a Node Buffer on both drivers (PGlite answers a Uint8Array, `pg` a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 知识产权资产 (IP asset, R2): one row per right, identified by its kind and normalised number. The term facts
 * that fix the expiry are kept as data (`term_facts`, the domain's `IpTermFacts`); `expiry_date` caches
 * `calculateIpExpiry`. Pledges are not stored here: they belong to the financing ledger.
 */
export const ipAssets = pgTable(
  'ip_assets',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Normalised identifier (`202010566088.9`, `12345678`, `2021SR0805085` …), unique per kind. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    pctNationalPhase: boolean('pct_national_phase').notNull().default(false),
    /** 申请日 / 登记申请日 / 创作完成日: the start date shown in lists; null where a kind has none. */
    filingDate: date('filing_date', { mode: 'string' }),
    /** 授权公告日 / 核准注册日 / 登记日; null while pending. */
    grantDate: date('grant_date', { mode: 'string' }),
    termFacts: jsonb('term_facts').$type<Record<string, unknown>>().notNull(),
    /** 专利权期限补偿 (term compensation) in days; 0 for every other kind. */
    termCompensationDays: integer('term_compensation_days').notNull().default(0),
    expiryDate: date('expiry_date', { mode: 'string' }),
    baseExpiryDate: date('base_expiry_date', { mode: 'string' }),
    termBasis: text('term_basis').notNull(),
    legalStatus: text('legal_status').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull(),
    /** Last day covered by the annual fee paid (patents); null for kinds without annual fees. */
    annualFeePaidThrough: date('annual_fee_paid_through', { mode: 'string' }),
    ipcClasses: jsonb('ipc_classes').$type<string[]>().notNull(),
    niceClasses: jsonb('nice_classes').$type<number[]>().notNull(),
    similarMarkAssetIds: jsonb('similar_mark_asset_ids').$type<string[]>().notNull(),
    sameDayDualApplication: boolean('same_day_dual_application').notNull().default(false),
    /** Where the record came from: `manual`, `import:<batch id>`, `demo`. */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('ip_assets_kind_number_uq').on(t.kind, t.number),
    index('ip_assets_number_idx').on(t.number),
    index('ip_assets_status_idx').on(t.legalStatus),
    index('ip_assets_expiry_idx').on(t.expiryDate),
  ],
);

/**
 * 权利人 (owners of record) with shares in basis points (sum 10000). `enterprise_id` links an owner that is an
 * enterprise on the platform (visibility follows it); co-owners off the platform (a university) have none.
 */
export const ipAssetOwners = pgTable(
  'ip_asset_owners',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    position: integer('position').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    name: text('name').notNull(),
    shareBps: integer('share_bps').notNull(),
  },
  (t) => [
    uniqueIndex('ip_asset_owners_pk').on(t.assetId, t.position),
    index('ip_asset_owners_enterprise_idx').on(t.enterpriseId, t.assetId),
  ],
);

/** 法律状态变更 (status history): every change of status or flags with its date and reason (states.md). */
export const ipAssetStatusEvents = pgTable(
  'ip_asset_status_events',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    legalStatus: text('legal_status').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull(),
    /** Stable reason code (`granted`, `annual_fee_unpaid`, `imported` …). */
    reason: text('reason').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('ip_asset_status_events_asset_idx').on(t.assetId, t.occurredOn)],
);

/** 许可 (licences granted by the owner): exclusive, sole or ordinary, with licensee and period. */
export const ipAssetLicences = pgTable(
  'ip_asset_licences',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => ipAssets.id),
    licenseeName: text('licensee_name').notNull(),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    disclosedToPledgee: boolean('disclosed_to_pledgee').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('ip_asset_licences_asset_idx').on(t.assetId)],
);

/**
 * 批量导入批次: an uploaded file kept between "validate" and "import the valid rows", so the second step works on
 * exactly the file that was checked, on any server process (no in-memory state).
 */
export const ipAssetImportBatches = pgTable('ip_asset_import_batches', {
  id: uuid('id').primaryKey(),
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => organisations.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  format: text('format').notNull(),
  file: bytea('file').notNull(),
  fileSha256: text('file_sha256').notNull(),
  totalRows: integer('total_rows').notNull(),
  validRows: integer('valid_rows').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
});
