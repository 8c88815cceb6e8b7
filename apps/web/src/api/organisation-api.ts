import { apiRequest } from './api-request.ts';
import type { CreateOrganisationInput, Organisation, Page } from './api-types.ts';

export interface OrganisationQuery {
  q?: string;
  kind?: string;
  page: number;
  pageSize: number;
}

/** Organisation administration (R1). */
export const organisationApi = {
  find(query: OrganisationQuery, signal?: AbortSignal): Promise<Page<Organisation>> {
    return apiRequest<Page<Organisation>>('/organisations', {
      query: { ...query },
      ...(signal ? { signal } : {}),
    });
  },

  get(id: string): Promise<Organisation> {
    return apiRequest<Organisation>(`/organisations/${encodeURIComponent(id)}`);
  },

  create(input: CreateOrganisationInput): Promise<Organisation> {
    return apiRequest<Organisation>('/organisations', { method: 'POST', body: input });
  },
};
