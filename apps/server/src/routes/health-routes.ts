import { Type } from '@sinclair/typebox';
import { pingDatabase } from '@ipf/db';
import type { AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { problemResponses } from '../http/problem-responses.ts';

export function registerHealthRoutes(
  app: AppInstance,
  deps: AppDeps,
  databaseKind: 'pglite' | 'postgres',
): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '健康检查 Health check',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), time: Type.String() }),
          ...problemResponses,
        },
      },
    },
    async () => {
      await pingDatabase(deps.db);
      return { status: 'ok' as const, database: databaseKind, time: deps.clock.now().toISOString() };
    },
  );
}
