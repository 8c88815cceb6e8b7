import {
  Expert,
  ExpertBody,
  ExpertDrawVerification,
  ExpertOpinionBody,
  ExpertPage,
  ExpertQuery,
  ExpertReview,
  ExpertReviewBody,
  ExpertReviewConclusionBody,
  ExpertReviewDrawBody,
  ExpertReviewPage,
  ExpertReviewQuery,
  IdParams,
  type ExpertBody as ExpertBodyType,
} from '@ipf/contracts';
import {
  concludeExpertReview,
  createExpert,
  createExpertReview,
  drawExpertReviewMembers,
  findExpertReviews,
  findExperts,
  getExpertReview,
  recordExpertOpinion,
  updateExpert,
  verifyExpertDraw,
  type AppDeps,
  type ExpertInput,
} from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['expert-reviews'];

function expertInput(body: ExpertBodyType): ExpertInput {
  const { title, affiliationOrganisationId, userId, active } = body;
  return {
    name: body.name,
    fields: body.fields,
    ipcExpertise: body.ipcExpertise,
    affiliationName: body.affiliationName,
    ...(title === undefined ? {} : { title }),
    ...(affiliationOrganisationId === undefined ? {} : { affiliationOrganisationId }),
    ...(userId === undefined ? {} : { userId }),
    ...(active === undefined ? {} : { active }),
  };
}

/** 专家库与复核认定 (issue 7 item 7). */
export function registerExpertReviewRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/experts',
    {
      config: { operation: 'expert.list' },
      schema: {
        tags,
        summary: '专家库（按姓名、领域、IPC 专长筛选）',
        querystring: ExpertQuery,
        response: { 200: ExpertPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, q, field, ipc, active } = request.query;
      return findExperts(
        {
          page: page ?? 1,
          pageSize: pageSize ?? 20,
          ...(q === undefined ? {} : { q }),
          ...(field === undefined ? {} : { field }),
          ...(ipc === undefined ? {} : { ipc }),
          ...(active === undefined ? {} : { active }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/experts',
    {
      config: { operation: 'expert.manage' },
      schema: { tags, summary: '新增专家', body: ExpertBody, response: { 201: Expert, ...problemResponses } },
    },
    async (request, reply) =>
      reply.code(201).send(await createExpert(expertInput(request.body), actorOf(request), deps)),
  );
  app.put(
    '/api/experts/:id',
    {
      config: { operation: 'expert.manage' },
      schema: {
        tags,
        summary: '修改专家信息（停用后不再参加抽取）',
        params: IdParams,
        body: ExpertBody,
        response: { 200: Expert, ...problemResponses },
      },
    },
    async (request) =>
      updateExpert(
        {
          ...expertInput(request.body),
          id: request.params.id,
          ...(request.body.version === undefined ? {} : { expectedVersion: request.body.version }),
        },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/expert-reviews',
    {
      config: { operation: 'expert_review.list' },
      schema: {
        tags,
        summary: '复核认定列表',
        querystring: ExpertReviewQuery,
        response: { 200: ExpertReviewPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state, caseId, evaluatorOrganisationId } = request.query;
      return findExpertReviews(
        {
          page: page ?? 1,
          pageSize: pageSize ?? 20,
          ...(state === undefined ? {} : { state }),
          ...(caseId === undefined ? {} : { caseId }),
          ...(evaluatorOrganisationId === undefined ? {} : { evaluatorOrganisationId }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/expert-reviews',
    {
      config: { operation: 'expert_review.manage' },
      schema: {
        tags,
        summary: '发起复核认定（公布随机种子的哈希承诺）',
        body: ExpertReviewBody,
        response: { 201: ExpertReview, ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const view = await createExpertReview(
        {
          caseNumber: body.caseNumber,
          evaluatorOrganisationId: body.evaluatorOrganisationId,
          reportedValueFen: parseYuan(body.reportedValueYuan),
          expertCount: body.expertCount,
          ...(body.requiredIpcPrefixes === undefined
            ? {}
            : { requiredIpcPrefixes: body.requiredIpcPrefixes }),
          ...(body.valuationId === undefined ? {} : { valuationId: body.valuationId }),
          ...(body.hashAlgorithm === undefined ? {} : { hashAlgorithm: body.hashAlgorithm }),
        },
        actorOf(request),
        deps,
      );
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/expert-reviews/:id',
    {
      config: { operation: 'expert_review.read' },
      schema: {
        tags,
        summary: '复核认定详情',
        params: IdParams,
        response: { 200: ExpertReview, ...problemResponses },
      },
    },
    async (request) => getExpertReview(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/expert-reviews/:id/draw',
    {
      config: { operation: 'expert_review.manage' },
      schema: {
        tags,
        summary: '随机抽取专家（回避冲突），并公布随机种子',
        params: IdParams,
        body: ExpertReviewDrawBody,
        response: { 200: ExpertReview, ...problemResponses },
      },
    },
    async (request) =>
      drawExpertReviewMembers(
        {
          id: request.params.id,
          ...(request.body.version === undefined ? {} : { expectedVersion: request.body.version }),
        },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/expert-reviews/:id/opinions',
    {
      config: { operation: 'expert_review.opinion' },
      schema: {
        tags,
        summary: '录入专家意见（专家本人或市局代录）',
        params: IdParams,
        body: ExpertOpinionBody,
        response: { 200: ExpertReview, ...problemResponses },
      },
    },
    async (request) => {
      const { expertId, outcome, adjustedValueYuan, opinion } = request.body;
      return recordExpertOpinion(
        {
          reviewId: request.params.id,
          expertId,
          outcome,
          opinion,
          ...(adjustedValueYuan === undefined ? {} : { adjustedValueFen: parseYuan(adjustedValueYuan) }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/expert-reviews/:id/conclusion',
    {
      config: { operation: 'expert_review.manage' },
      schema: {
        tags,
        summary: '复核结论（确认、调整、否定）',
        params: IdParams,
        body: ExpertReviewConclusionBody,
        response: { 200: ExpertReview, ...problemResponses },
      },
    },
    async (request) => {
      const { outcome, adjustedValueYuan, reason, version } = request.body;
      return concludeExpertReview(
        {
          id: request.params.id,
          outcome,
          ...(adjustedValueYuan === undefined ? {} : { adjustedValueFen: parseYuan(adjustedValueYuan) }),
          ...(reason === undefined ? {} : { reason }),
          ...(version === undefined ? {} : { expectedVersion: version }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/expert-reviews/:id/draw-verification',
    {
      config: { operation: 'expert_review.verify' },
      schema: {
        tags,
        summary: '抽取验证：用公布的种子和候选名单重新抽取，核对哈希承诺与抽中专家',
        params: IdParams,
        response: { 200: ExpertDrawVerification, ...problemResponses },
      },
    },
    async (request) => verifyExpertDraw(request.params.id, actorOf(request), deps),
  );
}
