import {
  EvaluatorApplicationBody,
  EvaluatorDetail,
  EvaluatorFeeQuote,
  EvaluatorFeeQuoteQuery,
  EvaluatorPage,
  EvaluatorQuery,
  EvaluatorStatusBody,
  IdParams,
} from '@ipf/contracts';
import {
  changeEvaluatorStatus,
  createEvaluatorAdmission,
  findEvaluators,
  getEvaluator,
  getEvaluatorFeeQuote,
  type AppDeps,
} from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['evaluators'];

/** 评估机构入库与动态管理 (issue 7 item 6). */
export function registerEvaluatorRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/evaluators',
    {
      config: { operation: 'evaluator.list' },
      schema: {
        tags,
        summary: '评估机构名录（银行只见已入库机构，评估机构只见本机构）',
        querystring: EvaluatorQuery,
        response: { 200: EvaluatorPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state, q } = request.query;
      return findEvaluators(
        {
          page: page ?? 1,
          pageSize: pageSize ?? 20,
          ...(state === undefined ? {} : { state }),
          ...(q === undefined ? {} : { q }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/evaluators',
    {
      config: { operation: 'evaluator.apply' },
      schema: {
        tags,
        summary: '评估机构入库申请',
        body: EvaluatorApplicationBody,
        response: { 201: EvaluatorDetail, ...problemResponses },
      },
    },
    async (request, reply) => {
      const view = await createEvaluatorAdmission(request.body, actorOf(request), deps);
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/evaluators/:id',
    {
      config: { operation: 'evaluator.read' },
      schema: {
        tags,
        summary: '评估机构详情（资质、收费分担、质量评分、状态记录）',
        params: IdParams,
        response: { 200: EvaluatorDetail, ...problemResponses },
      },
    },
    async (request) => getEvaluator(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/evaluators/:id/status',
    {
      config: { operation: 'evaluator.manage' },
      schema: {
        tags,
        summary: '入库审核（准入、不予准入）与动态管理（暂停、移出、恢复）',
        params: IdParams,
        body: EvaluatorStatusBody,
        response: { 200: EvaluatorDetail, ...problemResponses },
      },
    },
    async (request) => {
      const { action, reason, feeShares, version } = request.body;
      return changeEvaluatorStatus(
        {
          id: request.params.id,
          action,
          ...(reason === undefined ? {} : { reason }),
          ...(feeShares === undefined ? {} : { feeShares }),
          ...(version === undefined ? {} : { expectedVersion: version }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/evaluators/:id/fee-quote',
    {
      config: { operation: 'evaluator.read' },
      schema: {
        tags,
        summary: '评估费报价（差额累进收费标准与企业、银行、补贴分担）',
        params: IdParams,
        querystring: EvaluatorFeeQuoteQuery,
        response: { 200: EvaluatorFeeQuote, ...problemResponses },
      },
    },
    async (request) =>
      getEvaluatorFeeQuote(
        { id: request.params.id, valueFen: parseYuan(request.query.valueYuan) },
        actorOf(request),
        deps,
      ),
  );
}
