import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './ip-assets.ts';
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';

/**
 * 机构证书 (an organisation's signing certificate): the SM2 public key bound to the organisation by a CA (the
 * built-in test CA in the demo). Public data; the private key never reaches the platform. `record` is the
 * certificate as issued (`CertificateRecord`), kept verbatim so its CA signature can be checked again.
 */
export const signingCertificates = pgTable(
  'signing_certificates',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    issuerName: text('issuer_name').notNull(),
    serialNumber: text('serial_number').notNull(),
    publicKeyHex: text('public_key_hex').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true, mode: 'date' }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true, mode: 'date' }).notNull(),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    /** `browser` (key generated and held in the signer's browser) | `signing_service` (CA-style service). */
    keyCustody: text('key_custody').notNull(),
    /** The signing service's handle of the key, for `signing_service` custody. */
    signerKeyId: text('signer_key_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('signing_certificates_serial_uq').on(t.issuerName, t.serialNumber),
    index('signing_certificates_org_idx').on(t.organisationId),
  ],
);

/**
 * 案件文书 (case documents): the loan contract and the pledge contract generated from a case, as the exact PDF
 * bytes that are signed, with their SM3 digest. A regenerated contract is a new `version`; older versions are
 * `superseded` and keep their signatures for the record.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    /** `loan_contract` | `pledge_contract`. */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    contractNumber: text('contract_number').notNull(),
    pdf: bytea('pdf').notNull(),
    sm3DigestHex: text('sm3_digest_hex').notNull(),
    /** The organisations that must sign, in order (pledgee or lender first, the enterprise last). */
    requiredSignerOrgIds: jsonb('required_signer_org_ids').$type<string[]>().notNull(),
    superseded: boolean('superseded').notNull().default(false),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('case_documents_version_uq').on(t.caseId, t.kind, t.version),
    index('case_documents_digest_idx').on(t.sm3DigestHex),
  ],
);

/**
 * 电子签名 (electronic signature) of one organisation over one document: SM2 over the SM3 digest with the
 * signer's certificate; one per document and organisation.
 */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => caseDocuments.id),
    signerOrganisationId: uuid('signer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    signerUserId: uuid('signer_user_id')
      .notNull()
      .references(() => users.id),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => signingCertificates.id),
    digestHex: text('digest_hex').notNull(),
    /** SM2 signer identity ID_A. */
    userIdA: text('user_id_a').notNull(),
    signatureHex: text('signature_hex').notNull(),
    /** `browser` | `signing_service`. */
    method: text('method').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('document_signatures_uq').on(t.documentId, t.signerOrganisationId)],
);
