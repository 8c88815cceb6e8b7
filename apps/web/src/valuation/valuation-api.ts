import type {
  CreateValuationBody,
  Valuation as ValuationSchema,
  ValuationSummary as ValuationSummarySchema,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

/** Wire shapes of a valuation on record, from the TypeBox contracts that serialise them on the server. */
export type Valuation = Static<typeof ValuationSchema>;
export type ValuationSummary = Static<typeof ValuationSummarySchema>;
export type ValuationAssetResult = Valuation['assetResults'][number];

/** 估值筛选 as query parameters. */
export interface ValuationFilters extends Record<string, QueryValue> {
  assetId?: string | undefined;
  enterpriseId?: string | undefined;
  kind?: string | undefined;
  validity?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The download link of a valuation's report PDF (the session cookie authorises it). */
export function valuationReportUrl(id: string): string {
  return `/api/valuations/${encodeURIComponent(id)}/report.pdf`;
}

/** 估值记录 API: the server scopes the list (own, customers', the firm's own, district or all). */
export const valuationApi = {
  find: (filters: ValuationFilters, signal?: AbortSignal) =>
    apiRequest<Page<ValuationSummary>>('/valuations', { query: filters, ...(signal ? { signal } : {}) }),
  get: (id: string) => apiRequest<Valuation>(`/valuations/${encodeURIComponent(id)}`),
  create: (body: CreateValuationBody) => apiRequest<Valuation>('/valuations', { method: 'POST', body }),
};
