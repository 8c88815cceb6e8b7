import {
  ClearComplianceFlagBody,
  ComplianceFlag,
  ComplianceFlagImportQuery,
  ComplianceFlagImportResult,
  ComplianceFlagQuery,
  IdParams,
  PageOf,
  RecordComplianceFlagBody,
} from '@ipf/contracts';
import {
  clearComplianceFlag,
  findComplianceFlags,
  importComplianceFlags,
  recordComplianceFlag,
  type AppDeps,
} from '@ipf/app';
import { DomainError } from '@ipf/domain/errors';
import { MAX_COMPLIANCE_FLAG_IMPORT_BYTES } from '@ipf/domain/whitelist';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['whitelist'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 合规标记 (issue 10 item 4): the city bureau records and clears them; the enterprise reads its own. */
export function registerComplianceFlagRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/compliance-flags',
    {
      config: { operation: 'compliance_flag.list' },
      schema: {
        tags,
        summary: '合规标记（按企业名称或统一社会信用代码检索，按种类和是否有效筛选）',
        querystring: ComplianceFlagQuery,
        response: { 200: PageOf(ComplianceFlag), ...problemResponses },
      },
    },
    async (request) =>
      findComplianceFlags(
        { ...request.query, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/compliance-flags',
    {
      config: { operation: 'compliance_flag.record' },
      schema: {
        tags,
        summary: '登记合规标记',
        body: RecordComplianceFlagBody,
        response: { 201: ComplianceFlag, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordComplianceFlag(request.body, actorOf(request), deps)),
  );
  app.post(
    '/api/compliance-flags/:id/clear',
    {
      config: { operation: 'compliance_flag.clear' },
      schema: {
        tags,
        summary: '移出合规标记（注明日期和原因）',
        params: IdParams,
        body: ClearComplianceFlagBody,
        response: { 200: ComplianceFlag, ...problemResponses },
      },
    },
    async (request) =>
      clearComplianceFlag({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );

  // The file itself is the body (text/csv or xlsx), as the IP asset import takes it, in a plugin scope so these
  // parsers apply to this route only. The body limit leaves room for the use case to refuse an oversized file
  // with its own code (COMPLIANCE_FLAG_IMPORT_FILE_TOO_LARGE) instead of a bare 413.
  void app.register((scope, _options, done) => {
    const bodyLimit = 2 * MAX_COMPLIANCE_FLAG_IMPORT_BYTES;
    scope.addContentTypeParser(
      ['text/csv', XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit },
      (_request, body, done) => done(null, body),
    );
    const api = scope as unknown as AppInstance;
    api.post(
      '/api/compliance-flags/import',
      {
        bodyLimit,
        config: { operation: 'compliance_flag.record' },
        schema: {
          tags,
          summary: '批量导入合规标记（CSV 或 xlsx；任一行有误则全部不导入并逐行列出问题）',
          description: `Body: the file itself, Content-Type text/csv or ${XLSX}.`,
          querystring: ComplianceFlagImportQuery,
          response: { 200: ComplianceFlagImportResult, ...problemResponses },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
        const contentType = request.headers['content-type'] ?? '';
        const format = request.query.format ?? (contentType.startsWith('text/csv') ? 'csv' : 'xlsx');
        return importComplianceFlags({ file: request.body, format }, actorOf(request), deps);
      },
    );
    done();
  });
}
