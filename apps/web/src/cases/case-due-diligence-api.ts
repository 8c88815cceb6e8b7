import type { CaseDueDiligence as CaseDueDiligenceSchema, DueDiligenceBody } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest } from '../api/api-request.ts';

/** Wire shapes of the due-diligence checklist API, from the TypeBox contracts. */
export type CaseDueDiligence = Static<typeof CaseDueDiligenceSchema>;
export type CaseDueDiligenceItem = CaseDueDiligence['items'][number];
export type DueDiligenceInput = Static<typeof DueDiligenceBody>;

const url = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/due-diligence`;

/** 尽职调查清单 of a case: read by everyone who sees the case, recorded by the bank clerk before 风险评测. */
export const caseDueDiligenceApi = {
  get: (caseId: string) => apiRequest<CaseDueDiligence>(url(caseId)),
  record: (caseId: string, body: DueDiligenceInput) =>
    apiRequest<CaseDueDiligence>(url(caseId), { method: 'POST', body }),
};
