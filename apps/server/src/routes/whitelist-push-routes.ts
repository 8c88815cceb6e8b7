import { Type } from '@sinclair/typebox';
import {
  IdParams,
  ReverseEvaluation,
  ReverseEvaluationBody,
  ReverseEvaluationList,
  ReverseEvaluationReport,
  WhitelistBuildSummary,
  WhitelistConversion,
  WhitelistEntryPage,
  WhitelistEntryQuery,
  WhitelistLead,
  WhitelistLeadContactBody,
  WhitelistLeadPage,
  WhitelistLeadQuery,
  WhitelistPushList,
  WhitelistPushQuery,
  WhitelistPushSummary,
  WhitelistRoundBankBody,
  WhitelistRuleSet,
  WhitelistRuleSetList,
  WhitelistRulesBody,
} from '@ipf/contracts';
import {
  buildWhitelist,
  createReverseEvaluation,
  exportWhitelistConversion,
  findReverseEvaluations,
  findWhitelistConversion,
  findWhitelistEntries,
  findWhitelistLeads,
  findWhitelistPushes,
  findWhitelistRuleSets,
  getReverseEvaluationReport,
  getReverseEvaluationReportPdf,
  publishWhitelistRules,
  pushWhitelist,
  recordWhitelistLeadContact,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['whitelist'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FileResponse = Type.Unknown({ description: 'file (xlsx or pdf)' });
const ConversionExportQuery = Type.Object(
  {
    roundId: Type.Optional(Type.String({ format: 'uuid' })),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

/** 白名单规则、生成、推送、跟踪与转化统计、反向评估 (issue 10 items 4–6). */
export function registerWhitelistPushRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/whitelist-rules',
    {
      config: { operation: 'whitelist_rules.list' },
      schema: {
        tags,
        summary: '白名单规则各版本（最新在前，标明现行版本）',
        response: { 200: WhitelistRuleSetList, ...problemResponses },
      },
    },
    async (request) => findWhitelistRuleSets({}, actorOf(request), deps),
  );
  app.post(
    '/api/whitelist-rules',
    {
      config: { operation: 'whitelist_rules.publish' },
      schema: {
        tags,
        summary: '发布白名单规则新版本（门槛、授信区间，生效日）',
        body: WhitelistRulesBody,
        response: { 200: WhitelistRuleSet, ...problemResponses },
      },
    },
    async (request) => {
      const { note, ...rules } = request.body;
      return publishWhitelistRules(
        { ...rules, ...(note === undefined ? {} : { note }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/whitelist-builds',
    {
      config: { operation: 'whitelist.build' },
      schema: {
        tags,
        summary: '生成某银行本轮次白名单（等级 × 知识产权记录 × 现行规则）',
        body: WhitelistRoundBankBody,
        response: { 200: WhitelistBuildSummary, ...problemResponses },
      },
    },
    async (request) => buildWhitelist(request.body, actorOf(request), deps),
  );
  app.get(
    '/api/whitelist-entries',
    {
      config: { operation: 'whitelist_entry.list' },
      schema: {
        tags,
        summary: '某银行本轮次白名单条目（仅主管部门可见）',
        querystring: WhitelistEntryQuery,
        response: { 200: WhitelistEntryPage, ...problemResponses },
      },
    },
    async (request) => {
      const { roundId, bankId, included, page, pageSize } = request.query;
      return findWhitelistEntries(
        {
          roundId,
          bankId,
          ...(included === undefined ? {} : { included }),
          page: page ?? 1,
          pageSize: pageSize ?? 20,
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/whitelist-pushes',
    {
      config: { operation: 'whitelist_entry.list' },
      schema: {
        tags,
        summary: '推送记录（定期与按需）',
        querystring: WhitelistPushQuery,
        response: { 200: WhitelistPushList, ...problemResponses },
      },
    },
    async (request) =>
      findWhitelistPushes(
        request.query.roundId === undefined ? {} : { roundId: request.query.roundId },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/whitelist-pushes',
    {
      config: { operation: 'whitelist.push' },
      schema: {
        tags,
        summary: '按需推送：向该银行揭示其白名单企业并在台账生成线索',
        body: WhitelistRoundBankBody,
        response: { 200: WhitelistPushSummary, ...problemResponses },
      },
    },
    async (request) => pushWhitelist(request.body, actorOf(request), deps),
  );
  app.get(
    '/api/whitelist-leads',
    {
      config: { operation: 'whitelist_lead.list' },
      schema: {
        tags,
        summary: '推送名单及跟踪（已推送、已联系、已申请、已审批/已拒绝、已放款，跟进逾期）',
        querystring: WhitelistLeadQuery,
        response: { 200: WhitelistLeadPage, ...problemResponses },
      },
    },
    async (request) => {
      const { roundId, status, followUpOverdue, search, page, pageSize } = request.query;
      return findWhitelistLeads(
        {
          ...(roundId === undefined ? {} : { roundId }),
          ...(status === undefined ? {} : { status: status }),
          ...(followUpOverdue === undefined ? {} : { followUpOverdue }),
          ...(search === undefined ? {} : { search }),
          page: page ?? 1,
          pageSize: pageSize ?? 20,
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/whitelist-leads/:id/contact',
    {
      config: { operation: 'whitelist_lead.contact' },
      schema: {
        tags,
        summary: '登记已联系推送企业',
        params: IdParams,
        body: WhitelistLeadContactBody,
        response: { 200: WhitelistLead, ...problemResponses },
      },
    },
    async (request) =>
      recordWhitelistLeadContact(
        { id: request.params.id, ...(request.body.note === undefined ? {} : { note: request.body.note }) },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/whitelist-conversion',
    {
      config: { operation: 'whitelist_conversion.read' },
      schema: {
        tags,
        summary: '推送转化统计（按银行、按区）',
        querystring: WhitelistPushQuery,
        response: { 200: WhitelistConversion, ...problemResponses },
      },
    },
    async (request) =>
      findWhitelistConversion(
        request.query.roundId === undefined ? {} : { roundId: request.query.roundId },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/reverse-evaluations',
    {
      config: { operation: 'reverse_evaluation.create' },
      schema: {
        tags,
        summary: '反向评估：提交申请企业（须持有有效授权），平台出具评估报告',
        body: ReverseEvaluationBody,
        response: { 200: ReverseEvaluation, ...problemResponses },
      },
    },
    async (request) => createReverseEvaluation(request.body, actorOf(request), deps),
  );
  app.get(
    '/api/reverse-evaluations',
    {
      config: { operation: 'reverse_evaluation.read' },
      schema: {
        tags,
        summary: '反向评估记录及报告',
        response: { 200: ReverseEvaluationList, ...problemResponses },
      },
    },
    async (request) => findReverseEvaluations({}, actorOf(request), deps),
  );
  app.get(
    '/api/reverse-evaluation-reports/:id',
    {
      config: { operation: 'reverse_evaluation.read' },
      schema: {
        tags,
        summary: '反向评估报告（可在审批中引用报告编号）',
        params: IdParams,
        response: { 200: ReverseEvaluationReport, ...problemResponses },
      },
    },
    async (request) => getReverseEvaluationReport({ id: request.params.id }, actorOf(request), deps),
  );
  app.get(
    '/api/whitelist-conversion/export',
    {
      config: { operation: 'whitelist_conversion.read' },
      schema: {
        tags,
        summary: '导出推送转化统计（xlsx，按银行、按区）',
        querystring: ConversionExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { roundId } = request.query;
      const file = await exportWhitelistConversion(
        { ...(roundId === undefined ? {} : { roundId }), language: requestLanguage(request) },
        actorOf(request),
        deps,
      );
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="whitelist-conversion-${day}.xlsx"`)
        .send(file);
    },
  );
  app.get(
    '/api/reverse-evaluation-reports/:id/report.pdf',
    {
      config: { operation: 'reverse_evaluation.read' },
      schema: {
        tags,
        summary: '下载反向评估报告 PDF（可在审批中引用）',
        params: IdParams,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await getReverseEvaluationReportPdf({ id: request.params.id }, actorOf(request), deps);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .send(file.pdf);
    },
  );
}
