import { CreateUserBody, IdParams, PageOf, UpdateUserBody, User, UserQuery } from '@ipf/contracts';
import { createUser, findUsers, getUser, updateUserStatus, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['users'];

export function registerUserRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/users',
    {
      config: { operation: 'user.list' },
      schema: {
        tags,
        summary: '用户列表',
        querystring: UserQuery,
        response: { 200: PageOf(User), ...problemResponses },
      },
    },
    async (request) =>
      findUsers(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/users/:id',
    {
      config: { operation: 'user.list' },
      schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User, ...problemResponses } },
    },
    async (request) => getUser(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/users',
    {
      config: { operation: 'user.create' },
      schema: {
        tags,
        summary: '新建用户',
        body: CreateUserBody,
        response: { 201: User, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.body, actorOf(request), deps)),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { operation: 'user.update' },
      schema: {
        tags,
        summary: '启用或停用用户',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...problemResponses },
      },
    },
    async (request) =>
      updateUserStatus({ userId: request.params.id, status: request.body.status }, actorOf(request), deps),
  );
}
