import type { CaseAttachment, FeePayee, FeePayment, RecordFeePaymentBody } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest } from '../api/api-request.ts';

/** Wire shapes of the fee payment API, from the TypeBox contracts that validate them on the server. */
export type FeePaymentWire = Static<typeof FeePayment>;
export type FeePayeeWire = Static<typeof FeePayee>;
export type RecordFeePaymentInput = Static<typeof RecordFeePaymentBody>;
export type EvidenceAttachment = Static<typeof CaseAttachment>;

const caseUrl = (caseId: string, step: string) => `/cases/${encodeURIComponent(caseId)}/${step}`;

/** 费用缴付记录 and 补贴证明材料 endpoints (issue 9 items 1, 3). */
export const feePaymentApi = {
  list: (caseId: string, signal?: AbortSignal) =>
    apiRequest<FeePaymentWire[]>(caseUrl(caseId, 'fee-payments'), signal ? { signal } : {}),
  payees: (caseId: string, signal?: AbortSignal) =>
    apiRequest<FeePayeeWire[]>(caseUrl(caseId, 'fee-payees'), signal ? { signal } : {}),
  record: (caseId: string, body: RecordFeePaymentInput) =>
    apiRequest<FeePaymentWire>(caseUrl(caseId, 'fee-payments'), { method: 'POST', body }),
  uploadEvidence: (
    caseId: string,
    body: { kind: string; fileName: string; mimeType: string; contentBase64: string },
  ) => apiRequest<EvidenceAttachment>(caseUrl(caseId, 'subsidy-evidence'), { method: 'POST', body }),
};
