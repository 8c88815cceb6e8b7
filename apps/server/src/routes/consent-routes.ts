import { Type } from '@sinclair/typebox';
import { Consent, GrantConsentBody, IdParams } from '@ipf/contracts';
import { findConsents, grantConsent, revokeConsent, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['consents'];

export function registerConsentRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/consents',
    {
      config: { operation: 'consent.list' },
      schema: { tags, summary: '我的授权', response: { 200: Type.Array(Consent), ...problemResponses } },
    },
    async (request) => findConsents(actorOf(request), deps),
  );
  app.post(
    '/api/consents',
    {
      config: { operation: 'consent.grant' },
      schema: {
        tags,
        summary: '授权',
        body: GrantConsentBody,
        response: { 201: Consent, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantConsent(request.body, actorOf(request), deps)),
  );
  app.post(
    '/api/consents/:id/revoke',
    {
      config: { operation: 'consent.revoke' },
      schema: {
        tags,
        summary: '撤回授权',
        params: IdParams,
        response: { 200: Consent, ...problemResponses },
      },
    },
    async (request) => revokeConsent({ consentId: request.params.id }, actorOf(request), deps),
  );
}
