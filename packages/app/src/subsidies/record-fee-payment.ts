import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findFeePaymentViews, type FeePaymentView } from './fee-payment-views.ts';

export interface RecordFeePaymentInput {
  readonly caseId: string;
  /** `evaluation_fee` (评估费) or `service_fee` (服务费). */
  readonly kind: 'evaluation_fee' | 'service_fee';
  readonly amountYuan: string;
  readonly paidDate: string;
  readonly invoiceNumber: string;
  /** The institution paid; the enterprise names it, a payee recording leaves it out (itself). */
  readonly payeeOrganisationId?: string;
  /** The uploaded invoice (a case attachment of the case); required when the enterprise records. */
  readonly evidenceAttachmentId?: string;
}

/** Organisation kinds that are paid fees for a financing: evaluation firms, banks, guarantors, insurers. */
const PAYEE_KINDS = ['evaluation_firm', 'bank', 'guarantor', 'insurer'];

/**
 * 登记费用缴付 (record a fee the enterprise actually paid for a case): the payee institution records what it was
 * paid — an evaluation firm its evaluation fee (评估费) or a service fee, a bank, guarantor or insurer a service
 * fee (服务费) — on a case it takes part in; or the enterprise records it with the uploaded invoice (a case
 * attachment, FEE_PAYMENT_EVIDENCE_REQUIRED) naming the payee, and the district reviewer checks the invoice with
 * the application. The payee must be such an institution (FEE_PAYMENT_PAYEE_INVALID), only an evaluation firm is
 * paid evaluation fees (FEE_PAYMENT_KIND_NOT_ALLOWED), the amount positive (SUBSIDY_AMOUNT_INVALID), the date not
 * in the future (FEE_PAYMENT_DATE_IN_FUTURE), an invoice recorded once per payee (FEE_PAYMENT_DUPLICATE). The
 * subsidy facts count each record as a cost actually paid. Audited. Source: issue 9 items 1, 3.
 */
export async function recordFeePayment(
  input: RecordFeePaymentInput,
  actor: Actor,
  deps: AppDeps,
): Promise<FeePaymentView> {
  const scope = authorize(actor, 'fee_payment.record');
  const amountFen = parseYuan(input.amountYuan);
  if (amountFen <= 0n)
    throw new DomainError(
      'SUBSIDY_AMOUNT_INVALID',
      {},
      { problems: [{ code: 'SUBSIDY_AMOUNT_INVALID', field: 'amountYuan' }] },
    );
  const now = deps.clock.now();
  if (input.paidDate > toShanghaiDate(now))
    throw new DomainError('FEE_PAYMENT_DATE_IN_FUTURE', { paidDate: input.paidDate });
  const byEnterprise = actor.role === 'enterprise_user';
  return runInTransaction(deps, async (tx) => {
    const kase = await getVisibleCase(tx, input.caseId, actor, scope);
    const payeeId = byEnterprise ? input.payeeOrganisationId : actor.organisationId;
    if (
      payeeId === undefined ||
      (!byEnterprise && input.payeeOrganisationId !== undefined && input.payeeOrganisationId !== payeeId)
    )
      throw new DomainError('FEE_PAYMENT_PAYEE_INVALID');
    const [payee] = await tx
      .select({ id: tables.organisations.id, kind: tables.organisations.kind })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, payeeId));
    if (payee === undefined || !PAYEE_KINDS.includes(payee.kind) || payee.id === kase.enterpriseId)
      throw new DomainError('FEE_PAYMENT_PAYEE_INVALID');
    if (input.kind === 'evaluation_fee' && payee.kind !== 'evaluation_firm')
      throw new DomainError('FEE_PAYMENT_KIND_NOT_ALLOWED', { payeeKind: payee.kind, kind: input.kind });
    if (byEnterprise && input.evidenceAttachmentId === undefined)
      throw new DomainError('FEE_PAYMENT_EVIDENCE_REQUIRED');
    if (input.evidenceAttachmentId !== undefined) {
      const [evidence] = await tx
        .select({ id: tables.caseAttachments.id })
        .from(tables.caseAttachments)
        .where(
          and(
            eq(tables.caseAttachments.id, input.evidenceAttachmentId),
            eq(tables.caseAttachments.caseId, kase.id),
            isNull(tables.caseAttachments.deletedAt),
          ),
        );
      if (evidence === undefined)
        throw new DomainError('SUBSIDY_EVIDENCE_NOT_FOUND', { documentId: input.evidenceAttachmentId });
    }

    const id = randomUUID();
    const record = {
      id,
      caseId: kase.id,
      enterpriseId: kase.enterpriseId,
      payeeOrganisationId: payee.id,
      kind: input.kind,
      amountFen,
      paidDate: input.paidDate,
      invoiceNumber: input.invoiceNumber.trim(),
      evidenceAttachmentId: input.evidenceAttachmentId ?? null,
      recordedBy: byEnterprise ? 'enterprise' : 'payee',
      recordedByUserId: actor.userId,
      recordedByOrganisationId: actor.organisationId,
      createdAt: now,
    };
    try {
      await tx.insert(tables.feePayments).values(record);
    } catch (error) {
      if (!isUniqueViolation(error, 'fee_payments_payee_invoice_uq')) throw error;
      throw new DomainError(
        'FEE_PAYMENT_DUPLICATE',
        { invoiceNumber: record.invoiceNumber },
        { cause: error },
      );
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'fee_payment.recorded',
        entityType: 'fee_payment',
        entityId: id,
        before: null,
        after: { ...record, amountFen: amountFen.toString(), createdAt: now.toISOString() },
      },
      now,
    );
    const [view] = await findFeePaymentViews(tx, { ids: [id] });
    return view!;
  });
}
