import type { AvmBatchView, AvmRun, EnterpriseSummaryDto } from '@ipf/contracts';
import { apiRequest, buildApiUrl } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

export type { AvmBatchView, AvmRun };

/** 批量估值 (AVM) endpoints and the enterprise search its scope picker uses. */
export const avmBatchApi = {
  run: (query: { enterpriseId?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<AvmBatchView>('/valuations/avm-batch', { query, ...(signal ? { signal } : {}) }),
  /** 运行记录, newest first. */
  runs: (query: { page: number; pageSize: number; scope?: string }, signal?: AbortSignal) =>
    apiRequest<Page<AvmRun>>('/valuations/avm-runs', { query, ...(signal ? { signal } : {}) }),
  exportUrl: (enterpriseId: string | undefined, lang: string) =>
    buildApiUrl('/valuations/avm-batch/export', { enterpriseId, lang }),
  enterprises: (q: string, signal?: AbortSignal) =>
    apiRequest<Page<EnterpriseSummaryDto>>('/enterprises', {
      query: { q, page: 1, pageSize: 20 },
      ...(signal ? { signal } : {}),
    }),
};
