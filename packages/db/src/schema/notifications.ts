import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './parties.ts';

/**
 * 站内通知 (an in-platform notification): to one user, or to an organisation (every member sees it, and the first
 * member who reads it marks it read for all — a district bureau's queue item, not a personal message). `kind` is a
 * stable code (e.g. `subsidy_application.submitted`) that the web texts by; `params` fills the text's
 * placeholders; `link` is the web path to open. Written by `notify` inside the caller's transaction, so a
 * notification exists exactly when the step it tells of committed.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    readByUserId: uuid('read_by_user_id').references(() => users.id),
  },
  (t) => [
    check(
      'notifications_one_recipient',
      sql`(${t.recipientUserId} is null) <> (${t.recipientOrganisationId} is null)`,
    ),
    index('notifications_user_idx').on(t.recipientUserId, t.createdAt),
    index('notifications_organisation_idx').on(t.recipientOrganisationId, t.createdAt),
  ],
);
