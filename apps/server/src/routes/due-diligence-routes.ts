import { CaseDueDiligence, DueDiligenceBody, IdParams } from '@ipf/contracts';
import { getCaseDueDiligence, recordDueDiligence, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['ledger'];

/** 尽职调查清单 of a case: read by everyone who sees the case, filled in by the bank clerk before 风险评测. */
export function registerDueDiligenceRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/due-diligence',
    {
      config: { operation: 'case.read' },
      schema: {
        tags,
        summary: '尽职调查清单与结果',
        params: IdParams,
        response: { 200: CaseDueDiligence, ...problemResponses },
      },
    },
    async (request) => getCaseDueDiligence(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/due-diligence',
    {
      config: { operation: 'case.evaluate' },
      schema: {
        tags,
        summary: '录入尽职调查（风险评测前须完成）',
        params: IdParams,
        body: DueDiligenceBody,
        response: { 200: CaseDueDiligence, ...problemResponses },
      },
    },
    async (request) =>
      recordDueDiligence({ id: request.params.id, items: request.body.items }, actorOf(request), deps),
  );
}
