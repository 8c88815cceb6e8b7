import { Type } from '@sinclair/typebox';
import { CreateValuationBody, IdParams, Valuation, ValuationPage, ValuationQuery } from '@ipf/contracts';
import { createValuation, findValuations, getValuation, getValuationReport, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['valuations'];
const PdfFile = Type.Unknown({ description: 'application/pdf' });

/** Valuations on record and the valuation report PDF (issue 7 items 1, 2, 8). */
export function registerValuationRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/valuations',
    {
      config: { operation: 'valuation.list' },
      schema: {
        tags,
        summary: '估值记录列表（按资产、企业、类型、是否有效筛选）',
        querystring: ValuationQuery,
        response: { 200: ValuationPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, assetId, enterpriseId, kind, validity } = request.query;
      return findValuations(
        {
          page: page ?? 1,
          pageSize: pageSize ?? 20,
          ...(assetId === undefined ? {} : { assetId }),
          ...(enterpriseId === undefined ? {} : { enterpriseId }),
          ...(kind === undefined ? {} : { kind }),
          ...(validity === undefined ? {} : { validity }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/valuations',
    {
      config: { operation: 'valuation.create' },
      schema: {
        tags,
        summary: '新建估值（自动预评估、银行内部评估或正式评估报告）',
        body: CreateValuationBody,
        response: { 201: Valuation, ...problemResponses },
      },
    },
    async (request, reply) => {
      const valuation = await createValuation(request.body, actorOf(request), deps);
      return reply.status(201).send(valuation);
    },
  );
  app.get(
    '/api/valuations/:id',
    {
      config: { operation: 'valuation.read' },
      schema: {
        tags,
        summary: '估值详情（指标贡献、各评估方法、区间、敏感性分析）',
        params: IdParams,
        response: { 200: Valuation, ...problemResponses },
      },
    },
    async (request) => getValuation(request.params.id, actorOf(request), deps),
  );
  app.get(
    '/api/valuations/:id/report.pdf',
    {
      config: { operation: 'valuation.read' },
      schema: {
        tags,
        summary: '下载评估报告 PDF',
        params: IdParams,
        response: { 200: PdfFile, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await getValuationReport(request.params.id, actorOf(request), deps);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .send(file.pdf);
    },
  );
}
