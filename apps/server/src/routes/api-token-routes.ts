import { Type } from '@sinclair/typebox';
import { ApiToken, CreateApiTokenBody, CreatedApiToken, IdParams } from '@ipf/contracts';
import { createApiToken, findApiTokens, revokeApiToken, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['api-tokens'];

export function registerApiTokenRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/api-tokens',
    {
      config: { operation: 'api_token.list' },
      schema: { tags, summary: '接口令牌列表', response: { 200: Type.Array(ApiToken), ...problemResponses } },
    },
    async (request) => findApiTokens(actorOf(request), deps),
  );
  app.post(
    '/api/api-tokens',
    {
      config: { operation: 'api_token.create' },
      schema: {
        tags,
        summary: '创建接口令牌（只显示一次）',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      return reply
        .status(201)
        .send(
          await createApiToken(
            { ...rest, expiresAt: expiresAt === undefined ? null : new Date(expiresAt) },
            actorOf(request),
            deps,
          ),
        );
    },
  );
  app.post(
    '/api/api-tokens/:id/revoke',
    {
      config: { operation: 'api_token.revoke' },
      schema: {
        tags,
        summary: '撤销接口令牌',
        params: IdParams,
        response: { 200: ApiToken, ...problemResponses },
      },
    },
    async (request) => revokeApiToken({ tokenId: request.params.id }, actorOf(request), deps),
  );
}
