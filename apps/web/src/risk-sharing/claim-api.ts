import type {
  CaseClaims as CaseClaimsSchema,
  ClaimRecovery as ClaimRecoverySchema,
  DecideRiskClaimBody,
  FileRiskClaimBody,
  RiskClaim as RiskClaimSchema,
  RiskClaimDetail as RiskClaimDetailSchema,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, buildApiUrl, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';
import i18n from '../i18n/i18n.ts';

/** Wire shapes of the claims API, from the TypeBox contracts that serialise them on the server. */
export type RiskClaim = Static<typeof RiskClaimSchema>;
export type RiskClaimDetail = Static<typeof RiskClaimDetailSchema>;
export type CaseClaims = Static<typeof CaseClaimsSchema>;
export type ClaimRecovery = Static<typeof ClaimRecoverySchema>;
export type FileRiskClaimInput = Static<typeof FileRiskClaimBody>;
export type DecideRiskClaimInput = Static<typeof DecideRiskClaimBody>;

/** 理赔工作台筛选 as query parameters. */
export interface RiskClaimFilters extends Record<string, QueryValue> {
  state?: string | undefined;
  payerRole?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const claimUrl = (id: string, step = '') =>
  `/risk-claims/${encodeURIComponent(id)}${step === '' ? '' : `/${step}`}`;
const caseUrl = (caseId: string, step: string) => `/cases/${encodeURIComponent(caseId)}/${step}`;

/** 代偿/理赔/补偿 API: the server scopes every list (a payer its own claims, a bank its cases', bureaus all). */
export const claimApi = {
  find: (filters: RiskClaimFilters, signal?: AbortSignal) =>
    apiRequest<Page<RiskClaim>>('/risk-claims', { query: filters, ...(signal ? { signal } : {}) }),
  /** Download address of the claims list as xlsx (the list's filters; headers in the UI language). */
  exportUrl: (filters: RiskClaimFilters) =>
    buildApiUrl('/risk-claims/export', {
      state: filters.state,
      payerRole: filters.payerRole,
      q: filters.q,
      lang: i18n.language === 'en' ? 'en' : undefined,
    }),
  get: (id: string) => apiRequest<RiskClaimDetail>(claimUrl(id)),
  ofCase: (caseId: string) => apiRequest<CaseClaims>(caseUrl(caseId, 'risk-claims')),
  file: (caseId: string, body: FileRiskClaimInput, idempotencyKey: string) =>
    apiRequest<RiskClaim>(caseUrl(caseId, 'risk-claims'), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  review: (claim: RiskClaim) =>
    apiRequest<RiskClaim>(claimUrl(claim.id, 'review'), {
      method: 'POST',
      body: { expectedVersion: claim.version },
    }),
  decide: (claim: RiskClaim, body: Omit<DecideRiskClaimInput, 'expectedVersion'>) =>
    apiRequest<RiskClaim>(claimUrl(claim.id, 'decision'), {
      method: 'POST',
      body: { ...body, expectedVersion: claim.version },
    }),
  pay: (claim: RiskClaim, reference: string) =>
    apiRequest<RiskClaim>(claimUrl(claim.id, 'payment'), {
      method: 'POST',
      body: { reference, expectedVersion: claim.version },
    }),
  recordRecovery: (caseId: string, body: { amountYuan: string; reference: string }) =>
    apiRequest<ClaimRecovery>(caseUrl(caseId, 'risk-recoveries'), { method: 'POST', body }),
};
