import type { Notification, NotificationPage } from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';

export type { Notification, NotificationPage };

/** 站内通知 endpoints. */
export const notificationApi = {
  list: (query: { page: number; pageSize: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    apiRequest<NotificationPage>('/notifications', { query, ...(signal ? { signal } : {}) }),
  unreadCount: (signal?: AbortSignal) =>
    apiRequest<{ unread: number }>('/notifications/unread-count', signal ? { signal } : {}),
  markRead: (id: string) =>
    apiRequest<{ marked: number }>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => apiRequest<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
};

/** Query keys of the bell and the list, invalidated together after a read mark. */
export const notificationQueryKey = ['notifications'] as const;
