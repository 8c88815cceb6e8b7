import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** 机构: every party on the platform; bank units form a tree through `parentId` and the materialised `path`. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: uuid('parent_id'),
    /** `/rootId/childId/…/id/`: a unit sees every row whose path starts with its own (bank hierarchy). */
    path: text('path').notNull(),
    bankLevel: text('bank_level'),
    district: text('district'),
    uscc: text('uscc'),
    /** An inactive organisation stays on record but can no longer be chosen as pledgee, guarantor or insurer. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('organisations_kind_idx').on(t.kind),
    index('organisations_path_idx').on(t.path),
    uniqueIndex('organisations_uscc_uq').on(t.uscc),
  ],
);

/** 企业档案 (enterprise profile, R1); one row per enterprise organisation. */
export const enterprises = pgTable(
  'enterprises',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    district: text('district').notNull(),
    cluster: text('cluster').notNull(),
    sizeClass: text('size_class').notNull(),
    highTech: boolean('high_tech').notNull().default(false),
    specialised: boolean('specialised').notNull().default(false),
    firstLoan: boolean('first_loan').notNull().default(true),
    preIpo: boolean('pre_ipo').notNull().default(false),
    park: text('park'),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    employees: integer('employees').notNull(),
    registeredCapitalFen: bigint('registered_capital_fen', { mode: 'bigint' }).notNull(),
    address: text('address').notNull(),
    /** Personal data, AES-256-GCM encrypted at rest; shown masked. */
    contactNameEnc: text('contact_name_enc').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_uq').on(t.uscc),
    index('enterprises_district_idx').on(t.district),
    index('enterprises_cluster_idx').on(t.cluster),
    index('enterprises_name_idx').on(t.name),
  ],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, encrypted at rest; null until enrolled. */
  totpSecretEnc: text('totp_secret_enc'),
  totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true, mode: 'date' }),
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: bigint('totp_last_step', { mode: 'bigint' }),
  status: text('status').notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A user's role in one organisation (a user normally has one membership). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.organisationId, t.role),
    index('memberships_org_idx').on(t.organisationId),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    /** `second_factor_required` | `enrolment_required` | `authenticated`. */
    status: text('status').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 接口令牌 for banks' own systems: hashed at rest, scoped, revocable. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  membershipId: uuid('membership_id')
    .notNull()
    .references(() => memberships.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: jsonb('scopes').$type<string[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
});

/**
 * 授权 (consent): an enterprise lets a recipient use its data for a purpose until expiry; revocable.
 * A valid consent to a bank is one source of the customer relationship (access.md).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope').notNull(),
    purpose: text('purpose').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('consents_recipient_idx').on(t.recipientId, t.enterpriseId)],
);

/**
 * 客户关系 recorded by the modules that create it: an application to a bank unit or a whitelist push to it.
 * (A valid consent is the third source and is read from `consents`.)
 */
export const customerLinks = pgTable(
  'customer_links',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    bankUnitId: uuid('bank_unit_id')
      .notNull()
      .references(() => organisations.id),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('customer_links_uq').on(t.enterpriseId, t.bankUnitId, t.source)],
);

/** Tamper-evident audit trail: each event's SM3 hash covers the previous hash (hash chain). */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId)],
);

/** The chain's head: one row, locked `FOR UPDATE` by each append so concurrent writers cannot fork the chain. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'bigint' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/** Money-type probe used by the driver round-trip test: bigint fen and numeric through both drivers. */
export const typeProbes = pgTable('type_probes', {
  id: integer('id').primaryKey(),
  amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
  rateNumeric: numeric('rate_numeric', { precision: 20, scale: 6 }).notNull(),
});
