import type { LedgerDashboardView } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, buildApiUrl, type QueryValue } from '../api/api-request.ts';
import i18n from '../i18n/i18n.ts';

/** Wire shape of the ledger dashboard, from the TypeBox contract that serialises it on the server. */
export type LedgerDashboard = Static<typeof LedgerDashboardView>;

/** 看板筛选 as query parameters (application dates YYYY-MM-DD, district code, bank head office id, IP kind). */
export interface LedgerDashboardFilters extends Record<string, QueryValue> {
  applicationDateFrom?: string | undefined;
  applicationDateTo?: string | undefined;
  district?: string | undefined;
  bankId?: string | undefined;
  ipKind?: string | undefined;
}

/** 台账看板 API: the server scopes the figures (a bank its hierarchy, a district its district, the city all). */
export const dashboardApi = {
  ledger: (filters: LedgerDashboardFilters, signal?: AbortSignal) =>
    apiRequest<LedgerDashboard>('/dashboards/ledger', { query: filters, ...(signal ? { signal } : {}) }),
  /** Download address of the ledger list as xlsx (the list's filters; headers in the UI language). */
  caseExportUrl: (query: Record<string, QueryValue>) =>
    buildApiUrl('/cases/export', { ...query, lang: i18n.language === 'en' ? 'en' : undefined }),
};
