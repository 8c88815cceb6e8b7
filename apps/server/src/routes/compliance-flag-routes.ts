import {
  ClearComplianceFlagBody,
  ComplianceFlag,
  ComplianceFlagQuery,
  IdParams,
  PageOf,
  RecordComplianceFlagBody,
} from '@ipf/contracts';
import { clearComplianceFlag, findComplianceFlags, recordComplianceFlag, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['whitelist'];

/** 合规标记 (issue 10 item 4): the city bureau records and clears them; the enterprise reads its own. */
export function registerComplianceFlagRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/compliance-flags',
    {
      config: { operation: 'compliance_flag.list' },
      schema: {
        tags,
        summary: '合规标记（按企业名称或统一社会信用代码检索，按种类和是否有效筛选）',
        querystring: ComplianceFlagQuery,
        response: { 200: PageOf(ComplianceFlag), ...problemResponses },
      },
    },
    async (request) =>
      findComplianceFlags(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/compliance-flags',
    {
      config: { operation: 'compliance_flag.record' },
      schema: {
        tags,
        summary: '登记合规标记',
        body: RecordComplianceFlagBody,
        response: { 201: ComplianceFlag, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordComplianceFlag(request.body, actorOf(request), deps)),
  );
  app.post(
    '/api/compliance-flags/:id/clear',
    {
      config: { operation: 'compliance_flag.clear' },
      schema: {
        tags,
        summary: '移出合规标记（注明日期和原因）',
        params: IdParams,
        body: ClearComplianceFlagBody,
        response: { 200: ComplianceFlag, ...problemResponses },
      },
    },
    async (request) =>
      clearComplianceFlag({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
}
