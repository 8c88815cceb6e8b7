import { apiRequest } from './api-request.ts';
import type { EnterpriseDetail, EnterpriseSummary, Page } from './api-types.ts';

export interface EnterpriseQuery {
  q?: string;
  district?: string;
  cluster?: string;
  sizeClass?: string;
  highTech?: boolean;
  specialised?: boolean;
  firstLoan?: boolean;
  preIpo?: boolean;
  page: number;
  pageSize: number;
}

/** Enterprise profiles the signed-in user may see (access.md decides which; the server enforces it). */
export const enterpriseApi = {
  find(query: EnterpriseQuery, signal?: AbortSignal): Promise<Page<EnterpriseSummary>> {
    return apiRequest<Page<EnterpriseSummary>>('/enterprises', {
      query: { ...query },
      ...(signal ? { signal } : {}),
    });
  },

  get(id: string): Promise<EnterpriseDetail> {
    return apiRequest<EnterpriseDetail>(`/enterprises/${encodeURIComponent(id)}`);
  },
};
