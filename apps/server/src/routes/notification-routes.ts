import {
  IdParams,
  NotificationListQuery,
  NotificationPage,
  NotificationsMarked,
  UnreadNotificationCount,
} from '@ipf/contracts';
import { countUnreadNotifications, findNotifications, markNotificationsRead, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['notifications'];

/** 站内通知: the signed-in user's and its organisation's notifications, the bell's count, marking read. */
export function registerNotificationRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/notifications',
    {
      config: { operation: 'notification.list' },
      schema: {
        tags,
        summary: '我的通知（分页，最新在前）',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, unreadOnly } = request.query;
      return findNotifications(
        { page, pageSize, ...(unreadOnly === undefined ? {} : { unreadOnly }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/notifications/unread-count',
    {
      config: { operation: 'notification.list' },
      schema: {
        tags,
        summary: '未读通知数',
        response: { 200: UnreadNotificationCount, ...problemResponses },
      },
    },
    async (request) => countUnreadNotifications(actorOf(request), deps),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { operation: 'notification.mark_read' },
      schema: {
        tags,
        summary: '标为已读',
        params: IdParams,
        response: { 200: NotificationsMarked, ...problemResponses },
      },
    },
    async (request) => markNotificationsRead({ id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { operation: 'notification.mark_read' },
      schema: {
        tags,
        summary: '全部标为已读',
        response: { 200: NotificationsMarked, ...problemResponses },
      },
    },
    async (request) => markNotificationsRead({}, actorOf(request), deps),
  );
}
