import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import {
  CaseClaims,
  ClaimRecovery,
  DecideRiskClaimBody,
  FileRiskClaimBody,
  IdParams,
  PayRiskClaimBody,
  RecordRecoveryBody,
  ReviewRiskClaimBody,
  RiskClaim,
  RiskClaimDetail,
  RiskClaimExportQuery,
  RiskClaimListQuery,
  RiskClaimPage,
} from '@ipf/contracts';
import {
  decideRiskClaim,
  exportRiskClaims,
  fileRiskClaim,
  findRiskClaims,
  getCaseClaims,
  getRiskClaim,
  payRiskClaim,
  recordClaimRecovery,
  reviewRiskClaim,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['risk-claims'];
const FileResponse = Type.Unknown({ description: 'file (xlsx)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An optional `Idempotency-Key` (1–100 visible characters): a repeated filing returns the first claim. */
function optionalIdempotencyKey(headers: Record<string, unknown>): { idempotencyKey?: string } {
  const key = headers['idempotency-key'];
  return typeof key === 'string' && /^[\x21-\x7e]{1,100}$/.test(key) ? { idempotencyKey: key } : {};
}

/** 代偿/理赔/补偿 (issue 8 item 6): filing, the payers' review, decision and payment, recoveries shared back. */
export function registerRiskClaimRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/risk-claims',
    {
      config: { operation: 'risk_claim.list' },
      schema: {
        tags,
        summary: '理赔工作台（按状态、付款方、案件筛选，分页）',
        querystring: RiskClaimListQuery,
        response: { 200: RiskClaimPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return findRiskClaims({ ...filters, page, pageSize }, actorOf(request), deps);
    },
  );
  app.get(
    '/api/risk-claims/export',
    {
      config: { operation: 'risk_claim.list' },
      schema: {
        tags,
        summary: '导出理赔清单（xlsx）',
        querystring: RiskClaimExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      const stream = new PassThrough();
      exportRiskClaims(
        { ...filters, language: requestLanguage(request) },
        actorOf(request),
        deps,
        stream,
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'claims export failed');
        stream.destroy(error instanceof Error ? error : new Error('claims export failed'));
      });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="claims-${day}.xlsx"`)
        .send(stream);
    },
  );
  app.get(
    '/api/risk-claims/:id',
    {
      config: { operation: 'risk_claim.read' },
      schema: {
        tags,
        summary: '理赔详情（含支付与追偿返还）',
        params: IdParams,
        response: { 200: RiskClaimDetail, ...problemResponses },
      },
    },
    async (request) => getRiskClaim(request.params.id, actorOf(request), deps),
  );
  app.get(
    '/api/cases/:id/risk-claims',
    {
      config: { operation: 'risk_claim.case' },
      schema: {
        tags,
        summary: '案件理赔：当前损失、各付款方可申请金额、已发起的理赔与追偿返还',
        params: IdParams,
        response: { 200: CaseClaims, ...problemResponses },
      },
    },
    async (request) => getCaseClaims(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/risk-claims',
    {
      config: { operation: 'risk_claim.file' },
      schema: {
        tags,
        summary: '发起代偿/理赔/补偿（金额按分险协议与贷款损失计算；可带 Idempotency-Key）',
        params: IdParams,
        body: FileRiskClaimBody,
        response: { 201: RiskClaim, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await fileRiskClaim(
            { caseId: request.params.id, ...request.body, ...optionalIdempotencyKey(request.headers) },
            actorOf(request),
            deps,
          ),
        ),
  );
  app.post(
    '/api/risk-claims/:id/review',
    {
      config: { operation: 'risk_claim.review' },
      schema: {
        tags,
        summary: '受理审查（付款方）',
        params: IdParams,
        body: ReviewRiskClaimBody,
        response: { 200: RiskClaim, ...problemResponses },
      },
    },
    async (request) => reviewRiskClaim({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/risk-claims/:id/decision',
    {
      config: { operation: 'risk_claim.decide' },
      schema: {
        tags,
        summary: '审批：核定或拒赔（审查人不能审批）',
        params: IdParams,
        body: DecideRiskClaimBody,
        response: { 200: RiskClaim, ...problemResponses },
      },
    },
    async (request) => decideRiskClaim({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/risk-claims/:id/payment',
    {
      config: { operation: 'risk_claim.pay' },
      schema: {
        tags,
        summary: '登记赔付（资金池在年度预算内支付）',
        params: IdParams,
        body: PayRiskClaimBody,
        response: { 200: RiskClaim, ...problemResponses },
      },
    },
    async (request) => payRiskClaim({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/risk-recoveries',
    {
      config: { operation: 'risk_recovery.record' },
      schema: {
        tags,
        summary: '登记追偿回款并按承担比例返还各方',
        params: IdParams,
        body: RecordRecoveryBody,
        response: { 200: ClaimRecovery, ...problemResponses },
      },
    },
    async (request) =>
      recordClaimRecovery({ caseId: request.params.id, ...request.body }, actorOf(request), deps),
  );
}
