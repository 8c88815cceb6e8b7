import { CreateOrganisationBody, IdParams, Organisation, OrganisationQuery, PageOf } from '@ipf/contracts';
import { createOrganisation, findOrganisations, getOrganisation, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['organisations'];

export function registerOrganisationRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/organisations',
    {
      config: { operation: 'organisation.list' },
      schema: {
        tags,
        summary: '机构列表',
        querystring: OrganisationQuery,
        response: { 200: PageOf(Organisation), ...problemResponses },
      },
    },
    async (request) =>
      findOrganisations(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/organisations/:id',
    {
      config: { operation: 'organisation.read' },
      schema: {
        tags,
        summary: '机构详情',
        params: IdParams,
        response: { 200: Organisation, ...problemResponses },
      },
    },
    async (request) => getOrganisation(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/organisations',
    {
      config: { operation: 'organisation.create' },
      schema: {
        tags,
        summary: '新建机构',
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(request.body, actorOf(request), deps)),
  );
}
