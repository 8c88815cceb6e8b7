import { asc, eq, inArray } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';

/** 费用缴付记录 as shown: what was paid to whom, when, against which invoice, and who recorded it. */
export interface FeePaymentView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly enterpriseId: string;
  readonly payeeOrganisationId: string;
  readonly payeeNameZh: string;
  readonly payeeNameEn: string;
  /** `evaluation_fee` | `service_fee`. */
  readonly kind: string;
  readonly amountYuan: string;
  readonly paidDate: string;
  readonly invoiceNumber: string;
  /** The uploaded invoice (a case attachment id), or null. */
  readonly evidenceAttachmentId: string | null;
  /** `payee` (the institution that was paid) or `enterprise` (with its invoice, checked by the reviewer). */
  readonly recordedBy: string;
  readonly recordedByUserId: string;
  readonly createdAt: string;
}

/** The fee payments of some cases (or the listed ids), oldest payment first, with payee names. */
export async function findFeePaymentViews(
  executor: Executor,
  filter: { readonly caseIds?: readonly string[]; readonly ids?: readonly string[] },
): Promise<FeePaymentView[]> {
  const { feePayments, organisations, financingCases } = tables;
  const where =
    filter.ids !== undefined
      ? inArray(feePayments.id, [...filter.ids])
      : inArray(feePayments.caseId, [...(filter.caseIds ?? [])]);
  if ((filter.ids ?? filter.caseIds ?? []).length === 0) return [];
  const rows = await executor
    .select({
      payment: feePayments,
      payeeNameZh: organisations.nameZh,
      payeeNameEn: organisations.nameEn,
      caseNumber: financingCases.caseNumber,
    })
    .from(feePayments)
    .innerJoin(organisations, eq(organisations.id, feePayments.payeeOrganisationId))
    .innerJoin(financingCases, eq(financingCases.id, feePayments.caseId))
    .where(where)
    .orderBy(asc(feePayments.paidDate), asc(feePayments.createdAt), asc(feePayments.id));
  return rows.map(({ payment: p, payeeNameZh, payeeNameEn, caseNumber }) => ({
    id: p.id,
    caseId: p.caseId,
    caseNumber,
    enterpriseId: p.enterpriseId,
    payeeOrganisationId: p.payeeOrganisationId,
    payeeNameZh,
    payeeNameEn,
    kind: p.kind,
    amountYuan: formatYuan(p.amountFen),
    paidDate: p.paidDate,
    invoiceNumber: p.invoiceNumber,
    evidenceAttachmentId: p.evidenceAttachmentId,
    recordedBy: p.recordedBy,
    recordedByUserId: p.recordedByUserId,
    createdAt: p.createdAt.toISOString(),
  }));
}
