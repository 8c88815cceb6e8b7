import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  ChangeIpAssetStatusBody,
  CreateIpAssetBody,
  IdParams,
  IpAssetDetail,
  IpAssetExportQuery,
  IpAssetHealthQuery,
  IpAssetImportQuery,
  IpAssetImportReport,
  IpAssetQuery,
  IpAssetSummary,
  IpAssetTemplateQuery,
  IpPortfolioHealth,
  PageOf,
  PledgeEligibility,
  PledgeEligibilityBody,
  UpdateIpAssetBody,
} from '@ipf/contracts';
import {
  changeIpAssetStatus,
  checkIpAssetPledgeEligibility,
  commitIpAssetImport,
  createIpAsset,
  createIpAssetImportTemplate,
  exportIpAssets,
  findIpAssets,
  getIpAsset,
  getIpPortfolioHealth,
  importIpAssetFile,
  updateIpAsset,
  type AppDeps,
  type IpAssetImportReport as ImportReport,
} from '@ipf/app';
import { DomainError, formatErrorMessage, type ProblemDetail } from '@ipf/domain/errors';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['ip-assets'];
/** A file download (xlsx or CSV); sent as bytes, never serialised. */
const FileResponse = Type.Unknown({ description: 'file (xlsx or CSV)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Import files go far beyond the global 1 MiB body limit: 100,000 rows of CSV are about 20 MiB. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** Problems with their message in the request's language (`{ code, field, message }`). */
function withMessages<T extends ProblemDetail>(problems: readonly T[], request: FastifyRequest) {
  const language = requestLanguage(request);
  return problems.map(({ params, ...rest }) => ({
    ...rest,
    message: formatErrorMessage(rest.code, params ?? {}, language),
  }));
}
const renderReport = (report: ImportReport, request: FastifyRequest) => ({
  ...report,
  problems: withMessages(report.problems, request),
});

export function registerIpAssetRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/ip-assets',
    {
      config: { operation: 'ip_asset.list' },
      schema: {
        tags,
        summary: '知识产权检索（我的知识产权）',
        querystring: IpAssetQuery,
        response: { 200: PageOf(IpAssetSummary), ...problemResponses },
      },
    },
    async (request) =>
      findIpAssets(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/ip-assets/health-summary',
    {
      config: { operation: 'ip_asset.list' },
      schema: {
        tags,
        summary: '资产组合健康度',
        querystring: IpAssetHealthQuery,
        response: { 200: IpPortfolioHealth, ...problemResponses },
      },
    },
    async (request) => getIpPortfolioHealth(request.query, actorOf(request), deps),
  );
  app.get(
    '/api/ip-assets/export',
    {
      config: { operation: 'ip_asset.export' },
      schema: {
        tags,
        summary: '导出检索结果（xlsx）',
        querystring: IpAssetExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...criteria } = request.query;
      const stream = new PassThrough();
      exportIpAssets(
        { ...criteria, language: requestLanguage(request) },
        actorOf(request),
        deps,
        stream,
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'export failed');
        stream.destroy(error instanceof Error ? error : new Error('export failed'));
      });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="ip-assets-${day}.xlsx"`)
        .send(stream);
    },
  );
  app.get(
    '/api/ip-assets/import-template',
    {
      config: { operation: 'ip_asset.import' },
      schema: {
        tags,
        summary: '下载导入模板（xlsx 或 CSV）',
        querystring: IpAssetTemplateQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const file = await createIpAssetImportTemplate(format, requestLanguage(request), actorOf(request));
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="ip-asset-import-template.${format}"`)
        .send(file);
    },
  );
  app.post(
    '/api/ip-assets/imports/:id/commit',
    {
      config: { operation: 'ip_asset.import' },
      schema: {
        tags,
        summary: '导入已校验文件中的有效行',
        params: IdParams,
        response: { 200: IpAssetImportReport, ...problemResponses },
      },
    },
    async (request) =>
      renderReport(await commitIpAssetImport(request.params.id, actorOf(request), deps), request),
  );
  app.post(
    '/api/ip-assets',
    {
      config: { operation: 'ip_asset.create' },
      schema: {
        tags,
        summary: '登记知识产权',
        body: CreateIpAssetBody,
        response: { 201: IpAssetDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createIpAsset(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/ip-assets/:id',
    {
      config: { operation: 'ip_asset.read' },
      schema: {
        tags,
        summary: '知识产权详情（含状态时间线与健康度）',
        params: IdParams,
        response: { 200: IpAssetDetail, ...problemResponses },
      },
    },
    async (request) => getIpAsset(request.params.id, actorOf(request), deps),
  );
  app.put(
    '/api/ip-assets/:id',
    {
      config: { operation: 'ip_asset.update' },
      schema: {
        tags,
        summary: '维护知识产权信息',
        params: IdParams,
        body: UpdateIpAssetBody,
        response: { 200: IpAssetDetail, ...problemResponses },
      },
    },
    async (request) => updateIpAsset({ ...request.body, id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/ip-assets/:id/status',
    {
      config: { operation: 'ip_asset.update' },
      schema: {
        tags,
        summary: '法律状态变更（记入历史）',
        params: IdParams,
        body: ChangeIpAssetStatusBody,
        response: { 200: IpAssetDetail, ...problemResponses },
      },
    },
    async (request) =>
      changeIpAssetStatus({ ...request.body, id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/ip-assets/:id/eligibility',
    {
      config: { operation: 'ip_asset.check_eligibility' },
      schema: {
        tags,
        summary: '质押适格性检查（列出全部不予登记事由）',
        params: IdParams,
        body: PledgeEligibilityBody,
        response: { 200: PledgeEligibility, ...problemResponses },
      },
    },
    async (request) => {
      const result = await checkIpAssetPledgeEligibility(
        { ...request.body, id: request.params.id },
        actorOf(request),
        deps,
      );
      return { ...result, reasons: withMessages(result.reasons, request) };
    },
  );

  // The upload takes the file itself as the body (text/csv or xlsx), with its own body limit, in a plugin scope
  // so that these content-type parsers apply to this route only.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      ['text/csv', XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const api = scope as unknown as AppInstance;
    api.post(
      '/api/ip-assets/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { operation: 'ip_asset.import' },
        schema: {
          tags,
          summary: '批量导入：上传文件逐行校验（commit=true 时直接导入有效行）',
          description:
            'Body: the file itself, Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.',
          querystring: IpAssetImportQuery,
          response: { 200: IpAssetImportReport, ...problemResponses },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
        const contentType = request.headers['content-type'] ?? '';
        const format = request.query.format ?? (contentType.startsWith('text/csv') ? 'csv' : 'xlsx');
        const report = await importIpAssetFile(
          { file: request.body, format, commit: request.query.commit ?? false },
          actorOf(request),
          deps,
        );
        return renderReport(report, request);
      },
    );
    done();
  });
}
