import type {
  ApplyBody,
  BankProductListItem,
  CaseSummary as CaseSummarySchema,
  CommitteeVoteBody,
  CreditRatingBody,
  DeclineBody,
  FinancingCase,
  RiskEvaluationBody,
  ValueEvaluationBody,
  WorkQueueView,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

/** Wire shapes of the ledger API, from the TypeBox contracts that validate them on the server. */
export type CaseSummary = Static<typeof CaseSummarySchema>;
export type CaseDetail = Static<typeof FinancingCase>;
export type CaseEvent = CaseDetail['events'][number];
export type WorkQueue = Static<typeof WorkQueueView>;
export type WorkQueueItem = WorkQueue['items'][number];
export type BankProduct = Static<typeof BankProductListItem>;
export type ApplyInput = Static<typeof ApplyBody>;
export type RiskEvaluationInput = Static<typeof RiskEvaluationBody>;
export type RiskFacts = RiskEvaluationInput['facts'];
export type ValueEvaluationInput = Static<typeof ValueEvaluationBody>;
export type CreditRatingInput = Static<typeof CreditRatingBody>;
export type DeclineInput = Static<typeof DeclineBody>;
export type CommitteeVoteInput = Static<typeof CommitteeVoteBody>;
/** Approve and withdraw take only the version read and a note. */
export type VersionedNote = { version?: number; note?: string };
export type CaseQuery = Record<string, QueryValue>;

const caseUrl = (id: string, step?: string) =>
  `/cases/${encodeURIComponent(id)}${step === undefined ? '' : `/${step}`}`;
const post = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'POST', body });

/** 融资台账 API: the server applies visibility (own cases, the bank's units, the district, all). */
export const caseApi = {
  find: (query: CaseQuery, signal?: AbortSignal) =>
    apiRequest<Page<CaseSummary>>('/cases', { query, ...(signal ? { signal } : {}) }),
  workQueue: (query: CaseQuery, signal?: AbortSignal) =>
    apiRequest<WorkQueue>('/cases/work-queue', { query, ...(signal ? { signal } : {}) }),
  get: (id: string) => apiRequest<CaseDetail>(caseUrl(id)),
  products: (bankId?: string) => apiRequest<BankProduct[]>('/bank-products', { query: { bankId } }),
  apply: (body: ApplyInput) => post<CaseDetail>('/cases', body),
  recordRiskEvaluation: (id: string, body: RiskEvaluationInput) =>
    post<CaseDetail>(caseUrl(id, 'risk-evaluation'), body),
  recordValueEvaluation: (id: string, body: ValueEvaluationInput) =>
    post<CaseDetail>(caseUrl(id, 'value-evaluation'), body),
  recordCreditRating: (id: string, body: CreditRatingInput) =>
    post<CaseDetail>(caseUrl(id, 'credit-rating'), body),
  approve: (id: string, body: VersionedNote) => post<CaseDetail>(caseUrl(id, 'approve'), body),
  decline: (id: string, body: DeclineInput) => post<CaseDetail>(caseUrl(id, 'decline'), body),
  voteCommittee: (id: string, body: CommitteeVoteInput) =>
    post<CaseDetail>(caseUrl(id, 'committee-votes'), body),
  withdraw: (id: string, body: VersionedNote) => post<CaseDetail>(caseUrl(id, 'withdraw'), body),
  acceptGuarantee: (id: string, body: VersionedNote) =>
    post<CaseDetail>(caseUrl(id, 'accept-guarantee'), body),
  acceptInsurance: (id: string, body: VersionedNote) =>
    post<CaseDetail>(caseUrl(id, 'accept-insurance'), body),
};
