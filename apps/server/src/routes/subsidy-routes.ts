import {
  ApproveSubsidyApplicationBody,
  ClawBackSubsidyApplicationBody,
  CreateSubsidyApplicationBody,
  IdParams,
  PaySubsidyApplicationBody,
  PublishSubsidySchemeBody,
  ReviewSubsidyApplicationBody,
  SubsidyApplication,
  SubsidyApplicationListQuery,
  SubsidyApplicationPage,
  SubsidyEligibilityList,
  SubsidyEligibilityQuery,
  SubsidySchemeListQuery,
  SubsidySchemeVersion,
} from '@ipf/contracts';
import {
  approveSubsidyApplication,
  clawBackSubsidyApplication,
  createSubsidyApplication,
  findSubsidyApplications,
  findSubsidyEligibility,
  findSubsidySchemes,
  getSubsidyApplication,
  paySubsidyApplication,
  publishSubsidyScheme,
  reviewSubsidyApplication,
  type AppDeps,
} from '@ipf/app';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['subsidies'];

/** 贴息 贴费 奖励 (issue 9): schemes as data, eligibility from the ledger, applications from review to payment. */
export function registerSubsidyRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/subsidy-schemes',
    {
      config: { operation: 'subsidy_scheme.list' },
      schema: {
        tags,
        summary: '补贴政策（各版本、条款出处与预算使用）',
        querystring: SubsidySchemeListQuery,
        response: { 200: Type.Array(SubsidySchemeVersion), ...problemResponses },
      },
    },
    async (request) => findSubsidySchemes(request.query, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-schemes',
    {
      config: { operation: 'subsidy_scheme.publish' },
      schema: {
        tags,
        summary: '发布补贴政策新版本（市局）',
        body: PublishSubsidySchemeBody,
        response: { 201: SubsidySchemeVersion, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishSubsidyScheme(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/subsidy-eligibility',
    {
      config: { operation: 'subsidy.eligibility' },
      schema: {
        tags,
        summary: '可申请的补贴：每笔贷款、每项政策的条件核验（含证明记录）与测算金额',
        querystring: SubsidyEligibilityQuery,
        response: { 200: SubsidyEligibilityList, ...problemResponses },
      },
    },
    async (request) => findSubsidyEligibility(request.query, actorOf(request), deps),
  );
  app.get(
    '/api/subsidy-applications',
    {
      config: { operation: 'subsidy_application.list' },
      schema: {
        tags,
        summary: '补贴申请列表（分页）',
        querystring: SubsidyApplicationListQuery,
        response: { 200: SubsidyApplicationPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return findSubsidyApplications({ ...filters, page, pageSize }, actorOf(request), deps);
    },
  );
  app.post(
    '/api/subsidy-applications',
    {
      config: { operation: 'subsidy_application.apply' },
      schema: {
        tags,
        summary: '一键申请补贴（平台据台账预填并测算）',
        body: CreateSubsidyApplicationBody,
        response: { 201: SubsidyApplication, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubsidyApplication(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/subsidy-applications/:id',
    {
      config: { operation: 'subsidy_application.read' },
      schema: {
        tags,
        summary: '补贴申请详情',
        params: IdParams,
        response: { 200: SubsidyApplication, ...problemResponses },
      },
    },
    async (request) => getSubsidyApplication(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-applications/:id/review',
    {
      config: { operation: 'subsidy_application.review' },
      schema: {
        tags,
        summary: '审核补贴申请（区主管部门；政策要求时市局复核）',
        params: IdParams,
        body: ReviewSubsidyApplicationBody,
        response: { 200: SubsidyApplication, ...problemResponses },
      },
    },
    async (request) =>
      reviewSubsidyApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-applications/:id/approve',
    {
      config: { operation: 'subsidy_application.approve' },
      schema: {
        tags,
        summary: '审批补贴申请（审核与审批分离；按预算先到先得）',
        params: IdParams,
        body: ApproveSubsidyApplicationBody,
        response: { 200: SubsidyApplication, ...problemResponses },
      },
    },
    async (request) =>
      approveSubsidyApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-applications/:id/payment',
    {
      config: { operation: 'subsidy_application.pay' },
      schema: {
        tags,
        summary: '登记补贴兑付',
        params: IdParams,
        body: PaySubsidyApplicationBody,
        response: { 200: SubsidyApplication, ...problemResponses },
      },
    },
    async (request) =>
      paySubsidyApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-applications/:id/clawback',
    {
      config: { operation: 'subsidy_application.claw_back' },
      schema: {
        tags,
        summary: '追回补贴（条件事后被证伪）',
        params: IdParams,
        body: ClawBackSubsidyApplicationBody,
        response: { 200: SubsidyApplication, ...problemResponses },
      },
    },
    async (request) =>
      clawBackSubsidyApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
}
