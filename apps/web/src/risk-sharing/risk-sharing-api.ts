import type {
  CaseRiskSharing as CaseRiskSharingSchema,
  CreateGuaranteeProductBody,
  Guarantee as GuaranteeSchema,
  GuaranteeProduct as GuaranteeProductSchema,
  InsurancePolicy as InsurancePolicySchema,
  PoolFiling as PoolFilingSchema,
  RecordGuaranteeBody,
  RecordGuaranteeInsuranceBody,
  RiskPool as RiskPoolSchema,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

/** Wire shapes of the risk-sharing API, from the TypeBox contracts that serialise them on the server. */
export type CaseRiskSharing = Static<typeof CaseRiskSharingSchema>;
export type Guarantee = Static<typeof GuaranteeSchema>;
export type GuaranteeProduct = Static<typeof GuaranteeProductSchema>;
export type InsurancePolicy = Static<typeof InsurancePolicySchema>;
export type PoolFiling = Static<typeof PoolFilingSchema>;
export type RiskPool = Static<typeof RiskPoolSchema>;
export type CreateGuaranteeProductInput = Static<typeof CreateGuaranteeProductBody>;
export type RecordGuaranteeInput = Static<typeof RecordGuaranteeBody>;
export type RecordGuaranteeInsuranceInput = Static<typeof RecordGuaranteeInsuranceBody>;

/** List filters as query parameters (server paging). */
export interface PagedFilters extends Record<string, QueryValue> {
  page?: number | undefined;
  pageSize?: number | undefined;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 分险 API: the server scopes every list (a guarantor its guarantees, a pool its filings, a bank its cases'). */
export const riskSharingApi = {
  ofCase: (caseId: string) =>
    apiRequest<CaseRiskSharing>(`/cases/${encodeURIComponent(caseId)}/risk-sharing`),
  recordGuarantee: (caseId: string, body: RecordGuaranteeInput) =>
    apiRequest<Guarantee>(`/cases/${encodeURIComponent(caseId)}/guarantee`, { method: 'POST', body }),
  recordGuaranteeInsurance: (caseId: string, body: RecordGuaranteeInsuranceInput) =>
    apiRequest<InsurancePolicy>(`/cases/${encodeURIComponent(caseId)}/guarantee-insurance-policy`, {
      method: 'POST',
      body,
    }),
  guaranteeProducts: (filters: PagedFilters & { active?: boolean | undefined }) =>
    apiRequest<Page<GuaranteeProduct>>('/guarantee-products', { query: filters }),
  createGuaranteeProduct: (body: CreateGuaranteeProductInput) =>
    apiRequest<GuaranteeProduct>('/guarantee-products', { method: 'POST', body }),
  setGuaranteeProductActive: (product: GuaranteeProduct, active: boolean) =>
    apiRequest<GuaranteeProduct>(`/guarantee-products/${encodeURIComponent(product.id)}`, {
      method: 'PATCH',
      body: { active, version: product.version },
    }),
  guarantees: (filters: PagedFilters & { state?: string | undefined }, signal?: AbortSignal) =>
    apiRequest<Page<Guarantee>>('/guarantees', { query: filters, ...withSignal(signal) }),
  policies: (filters: PagedFilters & { kind?: string | undefined }, signal?: AbortSignal) =>
    apiRequest<Page<InsurancePolicy>>('/insurance-policies', { query: filters, ...withSignal(signal) }),
  pools: (signal?: AbortSignal) => apiRequest<{ items: RiskPool[] }>('/risk-pools', withSignal(signal)),
  filings: (filters: PagedFilters & { poolId?: string | undefined }, signal?: AbortSignal) =>
    apiRequest<Page<PoolFiling>>('/risk-pool-filings', { query: filters, ...withSignal(signal) }),
  addMember: (poolId: string, bankId: string) =>
    apiRequest<RiskPool>(`/risk-pools/${encodeURIComponent(poolId)}/members`, {
      method: 'POST',
      body: { bankId },
    }),
  endMembership: (membershipId: string) =>
    apiRequest<RiskPool>(`/risk-pool-memberships/${encodeURIComponent(membershipId)}/end`, {
      method: 'POST',
      body: {},
    }),
  setBudget: (poolId: string, year: number, budgetYuan: string) =>
    apiRequest<RiskPool>(`/risk-pools/${encodeURIComponent(poolId)}/budget`, {
      method: 'PUT',
      body: { year, budgetYuan },
    }),
};
