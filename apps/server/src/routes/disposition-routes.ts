import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import {
  CaseDisposition,
  ChooseDispositionPathBody,
  CloseDispositionBody,
  DefaultWorkoutStepBody,
  DispositionCostBody,
  DispositionDetail,
  DispositionDistributionBody,
  DispositionExportQuery,
  DispositionListQuery,
  DispositionPage,
  DispositionProceedsBody,
  FinancingCase,
  IdParams,
  OpenDispositionBody,
  RecoveryRateReport,
} from '@ipf/contracts';
import {
  chooseDispositionPath,
  closeDisposition,
  distributeDispositionProceeds,
  exportDispositions,
  findCaseDisposition,
  findDispositionRecoveryRates,
  findDispositions,
  getDisposition,
  openDisposition,
  recordCaseRecovery,
  recordDispositionCost,
  recordDispositionProceeds,
  updateDispositionDistribution,
  writeOffCase,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['dispositions'];
const FileResponse = Type.Unknown({ description: 'file (xlsx)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 处置 (issue 8 item 5, R11): the disposition of a defaulted case's pledged IP, its distribution, recovery rates. */
export function registerDispositionRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/dispositions',
    {
      config: { operation: 'disposition.read' },
      schema: {
        tags,
        summary: '处置案件列表（按状态、方式、案件编号筛选，分页）',
        querystring: DispositionListQuery,
        response: { 200: DispositionPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return findDispositions({ ...filters, page, pageSize }, actorOf(request), deps);
    },
  );
  app.get(
    '/api/dispositions/export',
    {
      config: { operation: 'disposition.read' },
      schema: {
        tags,
        summary: '导出处置案件清单（xlsx）',
        querystring: DispositionExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      const stream = new PassThrough();
      exportDispositions(
        { ...filters, language: requestLanguage(request) },
        actorOf(request),
        deps,
        stream,
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'dispositions export failed');
        stream.destroy(error instanceof Error ? error : new Error('dispositions export failed'));
      });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="dispositions-${day}.xlsx"`)
        .send(stream);
    },
  );
  app.get(
    '/api/disposition-recovery-rates',
    {
      config: { operation: 'disposition.read' },
      schema: {
        tags,
        summary: '回收率（按知识产权类型与处置方式）',
        response: { 200: RecoveryRateReport, ...problemResponses },
      },
    },
    async (request) => ({ items: await findDispositionRecoveryRates(actorOf(request), deps) }),
  );
  app.get(
    '/api/dispositions/:id',
    {
      config: { operation: 'disposition.read' },
      schema: {
        tags,
        summary: '处置详情（费用、处置款、分配及待分配方案）',
        params: IdParams,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) => getDisposition(request.params.id, actorOf(request), deps),
  );
  app.get(
    '/api/cases/:id/disposition',
    {
      config: { operation: 'disposition.read' },
      schema: {
        tags,
        summary: '案件的处置（未启动时为 null）',
        params: IdParams,
        response: { 200: CaseDisposition, ...problemResponses },
      },
    },
    async (request) => ({
      disposition: await findCaseDisposition(request.params.id, actorOf(request), deps),
    }),
  );
  app.post(
    '/api/cases/:id/disposition',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '启动处置（固定分配比例，案件进入处置中）',
        params: IdParams,
        body: OpenDispositionBody,
        response: { 201: DispositionDetail, ...problemResponses },
      },
    },
    async (request, reply) => {
      const detail = await openDisposition(
        { caseId: request.params.id, ...request.body },
        actorOf(request),
        deps,
      );
      return reply.code(201).send(detail);
    },
  );
  app.put(
    '/api/dispositions/:id/distribution',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '处置开始前调整分配比例',
        params: IdParams,
        body: DispositionDistributionBody,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) =>
      updateDispositionDistribution({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/dispositions/:id/path',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '选择处置方式（可同时开始处置）',
        params: IdParams,
        body: ChooseDispositionPathBody,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) =>
      chooseDispositionPath({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/dispositions/:id/costs',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '登记处置费用',
        params: IdParams,
        body: DispositionCostBody,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) =>
      recordDispositionCost({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/dispositions/:id/proceeds',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '登记处置款（拍卖成交价及出价、转让价款、许可费、股权对价）',
        params: IdParams,
        body: DispositionProceedsBody,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) =>
      recordDispositionProceeds({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/dispositions/:id/distribution',
    {
      config: { operation: 'disposition.distribute' },
      schema: {
        tags,
        summary: '审批并执行处置款分配（审查与审批分离）',
        params: IdParams,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) => distributeDispositionProceeds({ id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/dispositions/:id/closing',
    {
      config: { operation: 'disposition.manage' },
      schema: {
        tags,
        summary: '处置结案（质押登记已注销，资产转移或解除）',
        params: IdParams,
        body: CloseDispositionBody,
        response: { 200: DispositionDetail, ...problemResponses },
      },
    },
    async (request) => closeDisposition({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/recovery',
    {
      config: { operation: 'case.default_workout' },
      schema: {
        tags,
        summary: '录入回收（案件转为已回收）',
        params: IdParams,
        body: DefaultWorkoutStepBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      recordCaseRecovery(
        { id: request.params.id, reasonCode: 'disposition', ...request.body },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/cases/:id/write-off',
    {
      config: { operation: 'case.write_off' },
      schema: {
        tags,
        summary: '核销（审贷分离：未经办本案件的审批人）',
        params: IdParams,
        body: DefaultWorkoutStepBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      writeOffCase(
        { id: request.params.id, reasonCode: 'disposition', ...request.body },
        actorOf(request),
        deps,
      ),
  );
}
