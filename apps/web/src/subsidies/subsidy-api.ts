import type { SubsidyApplication, SubsidyEligibility, SubsidySchemeVersion } from '@ipf/contracts';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

export type { SubsidyApplication, SubsidyEligibility, SubsidySchemeVersion };

/** One condition of an evaluation as the server sends it (wire form of the domain's result). */
export interface SubsidyCondition {
  condition: string;
  met: boolean;
  proof: { kind: string; id: string; documentId?: string } | null;
  reason: { code: string; params: Record<string, unknown> } | null;
  source: { document: string; article: string; isExample: boolean };
}

/** One amount step of a line. */
export interface SubsidyStep {
  step: string;
  amountYuan: string;
  parameter?: string;
}

/** The evaluation stored with an application or shown on the eligibility page. */
export interface SubsidyEvaluationWire {
  eligible: boolean;
  subsidyYear: number | null;
  conditions: SubsidyCondition[];
  lines: { line: string; amountYuan: string; steps: SubsidyStep[] }[];
  totalYuan: string;
}

export const asEvaluation = (value: Record<string, unknown>) => value as unknown as SubsidyEvaluationWire;

/** 政策补贴 endpoints (issue 9). */
export const subsidyApi = {
  schemes: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<SubsidySchemeVersion[]>('/subsidy-schemes', { query, ...(signal ? { signal } : {}) }),
  eligibility: (signal?: AbortSignal) =>
    apiRequest<SubsidyEligibility[]>('/subsidy-eligibility', signal ? { signal } : {}),
  applications: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<Page<SubsidyApplication>>('/subsidy-applications', { query, ...(signal ? { signal } : {}) }),
  apply: (body: { caseId: string; schemeVersionId: string; declared?: Record<string, string> }) =>
    apiRequest<SubsidyApplication>('/subsidy-applications', { method: 'POST', body }),
  review: (id: string, body: { decision: 'pass' | 'reject'; note?: string; expectedVersion: number }) =>
    apiRequest<SubsidyApplication>(`/subsidy-applications/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      body,
    }),
  approve: (id: string, expectedVersion: number) =>
    apiRequest<SubsidyApplication>(`/subsidy-applications/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      body: { expectedVersion },
    }),
  pay: (id: string, body: { reference: string; expectedVersion: number }) =>
    apiRequest<SubsidyApplication>(`/subsidy-applications/${encodeURIComponent(id)}/payment`, {
      method: 'POST',
      body,
    }),
  clawBack: (id: string, body: { reason: string; expectedVersion: number }) =>
    apiRequest<SubsidyApplication>(`/subsidy-applications/${encodeURIComponent(id)}/clawback`, {
      method: 'POST',
      body,
    }),
};
