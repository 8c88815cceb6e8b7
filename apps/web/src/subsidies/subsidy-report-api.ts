import type { SubsidyReport, SubsidySimulation } from '@ipf/contracts';
import { apiRequest, buildApiUrl } from '../api/api-request.ts';

export type { SubsidyReport, SubsidySimulation };

/** 模拟测算 and 补贴统计 endpoints (issue 9 items 5, 6). */
export const subsidyReportApi = {
  simulate: (schemeVersionId: string, year?: number) =>
    apiRequest<SubsidySimulation>(`/subsidy-schemes/${encodeURIComponent(schemeVersionId)}/simulation`, {
      method: 'POST',
      body: year === undefined ? {} : { year },
    }),
  report: (query: { year?: number }, signal?: AbortSignal) =>
    apiRequest<SubsidyReport>('/subsidy-reports', { query, ...(signal ? { signal } : {}) }),
  exportUrl: (year: number | undefined, lang: string) =>
    buildApiUrl('/subsidy-reports/export', { year, lang }),
};
