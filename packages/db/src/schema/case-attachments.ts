import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './ip-assets.ts';
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';

/**
 * 申请材料 (case attachments): documents the applicant enterprise or the case's bank attaches to a financing
 * case (营业执照, 财务报表, 尽调材料 …), stored as the uploaded bytes with their checked MIME type, size and SM3
 * digest. A deleted attachment keeps its row (`deletedAt`, its bytes cleared) so the audit trail still names it.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    /** A code of the domain's `caseAttachmentKinds` (`business_licence`, `financial_statements`, …). */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** The MIME type the magic bytes confirmed (not merely the one the uploader declared). */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sm3DigestHex: text('sm3_digest_hex').notNull(),
    content: bytea('content'),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    uploadedByOrganisationId: uuid('uploaded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId, t.uploadedAt)],
);
