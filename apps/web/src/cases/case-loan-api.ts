import type {
  DisburseLoanBody,
  ExtendLoanBody,
  LoanAccount as LoanAccountSchema,
  RenewLoanBody,
  RepaymentBody,
  RepaymentResult as RepaymentResultSchema,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest } from '../api/api-request.ts';

/** Wire shapes of the servicing API, from the TypeBox contracts that validate them on the server. */
export type LoanAccount = Static<typeof LoanAccountSchema>;
export type LoanInstallment = LoanAccount['installments'][number];
export type LoanRepayment = LoanAccount['repayments'][number];
export type RepaymentResult = Static<typeof RepaymentResultSchema>;
export type DisburseInput = DisburseLoanBody;
export type RepaymentInput = RepaymentBody;
export type LoanContractVersion = LoanAccount['contractVersions'][number];
export type ExtendLoanInput = ExtendLoanBody;
export type RenewLoanInput = RenewLoanBody;

const caseUrl = (id: string, step: string) => `/cases/${encodeURIComponent(id)}/${step}`;

/** 贷款账户 API: the server applies the case's visibility and the bank clerk's own-organisation scope. */
export const caseLoanApi = {
  /** The loan account with its schedule, repayments and what is payable today; 404 before disbursement. */
  get: (caseId: string) => apiRequest<LoanAccount>(caseUrl(caseId, 'loan')),
  /** 放款 under `idempotencyKey` (optional on the server; the form sends one so a retry cannot pay out twice). */
  disburse: (caseId: string, body: DisburseInput, idempotencyKey: string) =>
    apiRequest<LoanAccount>(caseUrl(caseId, 'disbursement'), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /**
   * Posts a repayment under `idempotencyKey`: the same key with the same body answers with the stored result, so
   * a retry never moves money twice; the same key with another body is IDEMPOTENCY_KEY_REUSED.
   */
  repay: (caseId: string, body: RepaymentInput, idempotencyKey: string) =>
    apiRequest<RepaymentResult>(caseUrl(caseId, 'repayments'), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /**
   * 展期 under `idempotencyKey` (required): a new contract version with the remaining term extended; the answer is
   * the loan account with its new schedule and version.
   */
  extend: (caseId: string, body: ExtendLoanInput, idempotencyKey: string) =>
    apiRequest<LoanAccount>(caseUrl(caseId, 'loan/extensions'), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** 续贷 under `idempotencyKey` (required): the outstanding principal as a new loan from today. */
  renew: (caseId: string, body: RenewLoanInput, idempotencyKey: string) =>
    apiRequest<LoanAccount>(caseUrl(caseId, 'loan/renewals'), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
};
