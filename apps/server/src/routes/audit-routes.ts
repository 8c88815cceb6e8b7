import { AuditEvent, AuditQuery, AuditVerdict, PageOf } from '@ipf/contracts';
import { authorize, findAuditEvents, verifyAuditChain, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['audit'];

export function registerAuditRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/audit-events',
    {
      config: { operation: 'audit.list' },
      schema: {
        tags,
        summary: '审计日志',
        querystring: AuditQuery,
        response: { 200: PageOf(AuditEvent), ...problemResponses },
      },
    },
    async (request) =>
      findAuditEvents(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/audit-events/verify',
    {
      config: { operation: 'audit.verify' },
      schema: { tags, summary: '校验审计哈希链', response: { 200: AuditVerdict, ...problemResponses } },
    },
    async (request) => {
      authorize(actorOf(request), 'audit.verify');
      return verifyAuditChain(deps.db);
    },
  );
}
