import { apiRequest } from './api-request.ts';
import type { CreateUserInput, Page, User } from './api-types.ts';

export interface UserQuery {
  q?: string;
  organisationId?: string;
  page: number;
  pageSize: number;
}

/** User administration (R1). */
export const userApi = {
  find(query: UserQuery, signal?: AbortSignal): Promise<Page<User>> {
    return apiRequest<Page<User>>('/users', { query: { ...query }, ...(signal ? { signal } : {}) });
  },

  create(input: CreateUserInput): Promise<User> {
    return apiRequest<User>('/users', { method: 'POST', body: input });
  },

  updateStatus(id: string, status: 'active' | 'disabled'): Promise<User> {
    return apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { status } });
  },
};
