import type {
  ChooseDispositionPathBody,
  CloseDispositionBody,
  Disposition as DispositionSchema,
  DispositionCostBody,
  DispositionDetail as DispositionDetailSchema,
  DispositionProceedsBody,
  OpenDispositionBody,
  RecoveryRateReport as RecoveryRateReportSchema,
  WhatIfProjection as WhatIfProjectionSchema,
  WhatIfQuery,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, buildApiUrl, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';
import i18n from '../i18n/i18n.ts';

/** Wire shapes of the disposition and what-if API, from the TypeBox contracts. */
export type Disposition = Static<typeof DispositionSchema>;
export type DispositionDetail = Static<typeof DispositionDetailSchema>;
export type RecoveryRateReport = Static<typeof RecoveryRateReportSchema>;
export type WhatIfProjection = Static<typeof WhatIfProjectionSchema>;
export type WhatIfInput = Static<typeof WhatIfQuery>;

/** 处置案件筛选 as query parameters. */
export interface DispositionFilters extends Record<string, QueryValue> {
  status?: string | undefined;
  path?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const url = (id: string, step = '') =>
  `/dispositions/${encodeURIComponent(id)}${step === '' ? '' : `/${step}`}`;
const post = <T>(path: string, body?: object) =>
  apiRequest<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

/** 处置 API: the server scopes every list by the case's visibility. */
export const dispositionApi = {
  find: (filters: DispositionFilters, signal?: AbortSignal) =>
    apiRequest<Page<Disposition>>('/dispositions', { query: filters, ...(signal ? { signal } : {}) }),
  /** Download address of the list as xlsx (the list's filters; headers in the UI language). */
  exportUrl: (filters: DispositionFilters) =>
    buildApiUrl('/dispositions/export', {
      status: filters.status,
      path: filters.path,
      q: filters.q,
      lang: i18n.language === 'en' ? 'en' : undefined,
    }),
  get: (id: string) => apiRequest<DispositionDetail>(url(id)),
  ofCase: (caseId: string) =>
    apiRequest<{ disposition: DispositionDetail | null }>(`/cases/${encodeURIComponent(caseId)}/disposition`),
  open: (caseId: string, body: Static<typeof OpenDispositionBody>) =>
    post<DispositionDetail>(`/cases/${encodeURIComponent(caseId)}/disposition`, body),
  choosePath: (id: string, body: Static<typeof ChooseDispositionPathBody>) =>
    post<DispositionDetail>(url(id, 'path'), body),
  recordCost: (id: string, body: Static<typeof DispositionCostBody>) =>
    post<DispositionDetail>(url(id, 'costs'), body),
  recordProceeds: (id: string, body: Static<typeof DispositionProceedsBody>) =>
    post<DispositionDetail>(url(id, 'proceeds'), body),
  distribute: (id: string) => post<DispositionDetail>(url(id, 'distribution')),
  close: (id: string, body: Static<typeof CloseDispositionBody>) =>
    post<DispositionDetail>(url(id, 'closing'), body),
  recordRecovery: (caseId: string) => post<unknown>(`/cases/${encodeURIComponent(caseId)}/recovery`, {}),
  writeOff: (caseId: string) => post<unknown>(`/cases/${encodeURIComponent(caseId)}/write-off`, {}),
  recoveryRates: () => apiRequest<RecoveryRateReport>('/disposition-recovery-rates'),
  whatIf: (input: WhatIfInput) =>
    apiRequest<WhatIfProjection>('/what-if', { query: input as unknown as Record<string, QueryValue> }),
};
