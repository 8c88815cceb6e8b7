import type { PledgeAlert as PledgeAlertSchema } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, type QueryValue } from '../api/api-request.ts';

/** Wire shape of a post-loan alert, from the TypeBox contract that serialises it on the server. */
export type PledgeAlert = Static<typeof PledgeAlertSchema>;

export interface PledgeAlertPage {
  items: PledgeAlert[];
  total: number;
  page: number;
  pageSize: number;
}

/** 押品预警筛选 as query parameters. */
export interface PledgeAlertFilters extends Record<string, QueryValue> {
  state?: string | undefined;
  kind?: string | undefined;
  severity?: string | undefined;
  dueBefore?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const alertUrl = (id: string, step: string) => `/pledge-alerts/${encodeURIComponent(id)}/${step}`;

/** 押品预警 API: the server scopes the list (a bank its hierarchy, a bureau its district or all, read-only). */
export const pledgeAlertsApi = {
  find: (filters: PledgeAlertFilters, signal?: AbortSignal) =>
    apiRequest<PledgeAlertPage>('/pledge-alerts', { query: filters, ...(signal ? { signal } : {}) }),
  acknowledge: (alert: PledgeAlert, note?: string) =>
    apiRequest<PledgeAlert>(alertUrl(alert.id, 'acknowledgement'), {
      method: 'POST',
      body: { version: alert.version, ...(note ? { note } : {}) },
    }),
  resolve: (alert: PledgeAlert, note?: string) =>
    apiRequest<PledgeAlert>(alertUrl(alert.id, 'resolution'), {
      method: 'POST',
      body: { version: alert.version, ...(note ? { note } : {}) },
    }),
};
