import {
  EnterpriseDetail,
  EnterpriseProfileBody,
  EnterpriseQuery,
  EnterpriseSummary,
  IdParams,
  PageOf,
} from '@ipf/contracts';
import {
  createEnterprise,
  findEnterprises,
  getEnterprise,
  updateEnterpriseProfile,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['enterprises'];

export function registerEnterpriseRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/enterprises',
    {
      config: { operation: 'enterprise.list' },
      schema: {
        tags,
        summary: '企业列表（按可见范围）',
        querystring: EnterpriseQuery,
        response: { 200: PageOf(EnterpriseSummary), ...problemResponses },
      },
    },
    async (request) =>
      findEnterprises(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/enterprises/:id',
    {
      config: { operation: 'enterprise.read' },
      schema: {
        tags,
        summary: '企业详情',
        params: IdParams,
        response: { 200: EnterpriseDetail, ...problemResponses },
      },
    },
    async (request) => getEnterprise(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/enterprises',
    {
      config: { operation: 'enterprise.create' },
      schema: {
        tags,
        summary: '企业入驻',
        body: EnterpriseProfileBody,
        response: { 201: EnterpriseDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEnterprise(request.body, actorOf(request), deps)),
  );
  app.put(
    '/api/enterprises/:id',
    {
      config: { operation: 'enterprise.update' },
      schema: {
        tags,
        summary: '维护企业档案',
        params: IdParams,
        body: EnterpriseProfileBody,
        response: { 200: EnterpriseDetail, ...problemResponses },
      },
    },
    async (request) =>
      updateEnterpriseProfile({ ...request.body, id: request.params.id }, actorOf(request), deps),
  );
}
