import { Type } from '@sinclair/typebox';
import {
  AvmBatchBody,
  AvmBatchExportQuery,
  AvmBatchQuery,
  AvmBatchView,
  AvmRunPage,
  AvmRunQuery,
} from '@ipf/contracts';
import { exportAvmBatch, findAvmRuns, runAvmBatch, type AppDeps, type AvmBatchResult } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['valuations'];
const FileResponse = Type.Unknown({ description: 'file (xlsx)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The wire view: one page of items (the full list stays in the export). */
function toView(result: AvmBatchResult) {
  const { allItems, items, ...summary } = result;
  return {
    ...summary,
    byBand: [...summary.byBand],
    byKind: [...summary.byKind],
    items: items.map(({ valueFen: _v, scoreHundredths: _s, ...item }) => ({
      ...item,
      band: item.band as 'high' | 'medium' | 'low',
      ownerNames: [...item.ownerNames],
      unknownFacts: [...item.unknownFacts],
    })),
    total: allItems.length,
  };
}

/** 批量估值 (batch AVM, issue 7 item 4): run over a portfolio or the registry, and its xlsx export. */
export function registerAvmBatchRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/valuations/avm-batch',
    {
      config: { operation: 'valuation.avm_batch' },
      schema: {
        tags,
        summary: '批量估值（AVM）：企业知识产权组合或全库（按角色），评分、估值、分布与校验值',
        querystring: AvmBatchQuery,
        response: { 200: AvmBatchView, ...problemResponses },
      },
    },
    async (request) => toView(await runAvmBatch(request.query, actorOf(request), deps)),
  );
  app.post(
    '/api/valuations/avm-batch',
    {
      config: { operation: 'valuation.avm_batch' },
      schema: {
        tags,
        summary: '批量估值（AVM）：指定资产清单、企业或全库',
        body: AvmBatchBody,
        response: { 200: AvmBatchView, ...problemResponses },
      },
    },
    async (request) => toView(await runAvmBatch(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/valuations/avm-runs',
    {
      config: { operation: 'valuation.avm_runs' },
      schema: {
        tags,
        summary: '批量估值运行记录（运行人、时间、范围、数量、耗时、汇总），最新在前',
        querystring: AvmRunQuery,
        response: { 200: AvmRunPage, ...problemResponses },
      },
    },
    async (request) => {
      const { scope, page = 1, pageSize = 20 } = request.query;
      return findAvmRuns(
        { page, pageSize, ...(scope === undefined ? {} : { scope }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/valuations/avm-batch/export',
    {
      config: { operation: 'valuation.avm_batch' },
      schema: {
        tags,
        summary: '导出批量估值结果（xlsx）',
        querystring: AvmBatchExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await exportAvmBatch(
        {
          ...(request.query.enterpriseId === undefined ? {} : { enterpriseId: request.query.enterpriseId }),
          language: requestLanguage(request),
        },
        actorOf(request),
        deps,
      );
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="avm-batch-${day}.xlsx"`)
        .send(file);
    },
  );
}
