import type { SubsidyRewardApplication, SubsidyRewardEligibility } from '@ipf/contracts';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

export type { SubsidyRewardApplication, SubsidyRewardEligibility };
export type SubsidyRewardLoan = SubsidyRewardEligibility['loans'][number];

/** A claim condition of a reward loan (disbursed in the year, not rewarded before). */
export interface RewardClaimCondition {
  condition: string;
  met: boolean;
  proof: { kind: string; id: string } | null;
  reason: { code: string; params: Record<string, unknown> } | null;
}

export const asClaimConditions = (value: Record<string, unknown>[]) =>
  value as unknown as RewardClaimCondition[];

/** 机构奖励 endpoints (issue 9 item 2). */
export const subsidyRewardApi = {
  eligibility: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<SubsidyRewardEligibility[]>('/subsidy-reward-eligibility', {
      query,
      ...(signal ? { signal } : {}),
    }),
  applications: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<Page<SubsidyRewardApplication>>('/subsidy-reward-applications', {
      query,
      ...(signal ? { signal } : {}),
    }),
  apply: (body: { schemeVersionId: string; rewardYear: number; caseIds: string[] }) =>
    apiRequest<SubsidyRewardApplication>('/subsidy-reward-applications', { method: 'POST', body }),
  review: (id: string, body: { decision: 'pass' | 'reject'; note?: string; expectedVersion: number }) =>
    apiRequest<SubsidyRewardApplication>(`/subsidy-reward-applications/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      body,
    }),
  approve: (id: string, expectedVersion: number) =>
    apiRequest<SubsidyRewardApplication>(`/subsidy-reward-applications/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      body: { expectedVersion },
    }),
  pay: (id: string, body: { reference: string; expectedVersion: number }) =>
    apiRequest<SubsidyRewardApplication>(`/subsidy-reward-applications/${encodeURIComponent(id)}/pay`, {
      method: 'POST',
      body,
    }),
  clawBack: (id: string, body: { reason: string; expectedVersion: number }) =>
    apiRequest<SubsidyRewardApplication>(`/subsidy-reward-applications/${encodeURIComponent(id)}/clawback`, {
      method: 'POST',
      body,
    }),
};
