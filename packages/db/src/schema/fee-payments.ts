import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseAttachments } from './case-attachments.ts';
import { financingCases } from './ledger.ts';
import { organisations, users } from './parties.ts';

/**
 * 费用缴付记录 (fees the enterprise actually paid for a financing case, issue 9 item 1): evaluation fees (评估费)
 * and service fees (服务费), which no other record of the platform holds (valuations carry no fee; guarantee
 * fees and premiums come from their contracts). Recorded by the payee institution (`recordedBy = 'payee'`: the
 * evaluator, bank, guarantor or insurer that was paid) or by the enterprise with the uploaded invoice
 * (`recordedBy = 'enterprise'`, `evidenceAttachmentId` required), which the district reviewer checks with the
 * application. The subsidy facts count each row as a cost actually paid. One row per payee and invoice number.
 */
export const feePayments = pgTable(
  'fee_payments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    /** The payer: the case's enterprise. */
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    payeeOrganisationId: uuid('payee_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** `evaluation_fee` | `service_fee` (a `SubsidyCostKind`). */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    /** 发票号码. */
    invoiceNumber: text('invoice_number').notNull(),
    /** The invoice or receipt uploaded (a case attachment); required when the enterprise records. */
    evidenceAttachmentId: uuid('evidence_attachment_id').references(() => caseAttachments.id),
    /** `payee` | `enterprise`. */
    recordedBy: text('recorded_by').notNull(),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('fee_payments_payee_invoice_uq').on(t.payeeOrganisationId, t.invoiceNumber),
    index('fee_payments_case_idx').on(t.caseId, t.paidDate),
    check('fee_payments_amount_positive', sql`${t.amountFen} > 0`),
    check('fee_payments_kind', sql`${t.kind} in ('evaluation_fee', 'service_fee')`),
    check(
      'fee_payments_enterprise_evidence',
      sql`${t.recordedBy} = 'payee' or ${t.evidenceAttachmentId} is not null`,
    ),
  ],
);
