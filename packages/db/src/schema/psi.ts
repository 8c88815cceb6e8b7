import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './parties.ts';

/**
 * 隐私求交会话 (a private matching session, ECDH-PSI, issue 10 item 7): a bank unit matches its customer list
 * against `setKind` (`opted_in`: enterprises with a valid whitelist-programme opt-in; `my_whitelist`: its own
 * bank's whitelist entries). The server's per-session X25519 key is sealed with the data key (`keyEnc`) and wiped
 * when the session is answered; sessions expire after minutes. Only the two set sizes are kept, never items.
 * `bankId` is the head office (总行) the daily limit counts against.
 */
export const psiSessions = pgTable(
  'psi_sessions',
  {
    id: uuid('id').primaryKey(),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    setKind: text('set_kind').notNull(),
    serverSetSize: integer('server_set_size').notNull(),
    clientSetSize: integer('client_set_size'),
    keyEnc: text('key_enc'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('psi_sessions_bank_idx').on(t.bankId, t.createdAt)],
);
