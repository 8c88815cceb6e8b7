import { WhatIfProjection, WhatIfQuery } from '@ipf/contracts';
import { getWhatIfProjection, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['what-if'];

/** 压力测试 (issue 8 item 7): losses by party and the pools' budgets left under one default scenario. */
export function registerWhatIfRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/what-if',
    {
      config: { operation: 'what_if.run' },
      schema: {
        tags,
        summary: '压力测试：选定贷款在违约率、回收率、回收滞后情景下各方损失与资金池剩余额度',
        querystring: WhatIfQuery,
        response: { 200: WhatIfProjection, ...problemResponses },
      },
    },
    async (request) => getWhatIfProjection(request.query, actorOf(request), deps),
  );
}
