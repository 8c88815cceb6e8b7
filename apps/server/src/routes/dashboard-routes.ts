import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { CaseExportQuery, LedgerDashboardQuery, LedgerDashboardView } from '@ipf/contracts';
import { exportCases, getLedgerDashboard, type AppDeps } from '@ipf/app';
import type { CaseState } from '@ipf/domain/ledger';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['dashboards'];
/** A file download; sent as bytes, never serialised. */
const FileResponse = Type.Unknown({ description: 'file (xlsx)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerDashboardRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/dashboards/ledger',
    {
      config: { operation: 'dashboard.ledger' },
      schema: {
        tags,
        summary: '台账看板（按状态、区、银行、知识产权类型；登记年度；不良率）',
        querystring: LedgerDashboardQuery,
        response: { 200: LedgerDashboardView, ...problemResponses },
      },
    },
    async (request) => getLedgerDashboard(request.query, actorOf(request), deps),
  );
  app.get(
    '/api/cases/export',
    {
      config: { operation: 'case.export' },
      schema: {
        tags,
        summary: '导出融资台账（xlsx）',
        querystring: CaseExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lang: _lang, state, ...filters } = request.query;
      const input = {
        ...filters,
        ...(state === undefined ? {} : { state: state as CaseState }),
        language: requestLanguage(request),
      };
      const stream = new PassThrough();
      exportCases(input, actorOf(request), deps, stream).catch((error: unknown) => {
        request.log.error({ err: error }, 'ledger export failed');
        stream.destroy(error instanceof Error ? error : new Error('ledger export failed'));
      });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="ledger-${day}.xlsx"`)
        .send(stream);
    },
  );
}
