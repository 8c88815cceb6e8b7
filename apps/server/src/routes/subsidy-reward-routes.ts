import {
  ApproveSubsidyApplicationBody,
  ClawBackSubsidyApplicationBody,
  CreateSubsidyRewardApplicationBody,
  IdParams,
  PaySubsidyApplicationBody,
  ReviewSubsidyApplicationBody,
  SubsidyRewardApplication,
  SubsidyRewardApplicationListQuery,
  SubsidyRewardApplicationPage,
  SubsidyRewardEligibilityList,
  SubsidyRewardEligibilityQuery,
} from '@ipf/contracts';
import {
  approveSubsidyRewardApplication,
  clawBackSubsidyRewardApplication,
  createSubsidyRewardApplication,
  findSubsidyRewardApplications,
  findSubsidyRewardEligibility,
  getSubsidyRewardApplication,
  paySubsidyRewardApplication,
  reviewSubsidyRewardApplication,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['subsidies'];

/** 机构奖励 (issue 9 item 2): institutions' reward eligibility and applications, from review to payment. */
export function registerSubsidyRewardRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/subsidy-reward-eligibility',
    {
      config: { operation: 'subsidy_reward.eligibility' },
      schema: {
        tags,
        summary: '机构奖励资格：本机构当年贷款逐笔条件核验（含证明记录）与奖励测算（含年度上限）',
        querystring: SubsidyRewardEligibilityQuery,
        response: { 200: SubsidyRewardEligibilityList, ...problemResponses },
      },
    },
    async (request) => findSubsidyRewardEligibility(request.query, actorOf(request), deps),
  );
  app.get(
    '/api/subsidy-reward-applications',
    {
      config: { operation: 'subsidy_reward.list' },
      schema: {
        tags,
        summary: '奖励申请列表（分页）',
        querystring: SubsidyRewardApplicationListQuery,
        response: { 200: SubsidyRewardApplicationPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query;
      return findSubsidyRewardApplications({ ...filters, page, pageSize }, actorOf(request), deps);
    },
  );
  app.post(
    '/api/subsidy-reward-applications',
    {
      config: { operation: 'subsidy_reward.apply' },
      schema: {
        tags,
        summary: '提交奖励申请（平台据台账预填贷款清单并测算）',
        body: CreateSubsidyRewardApplicationBody,
        response: { 201: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubsidyRewardApplication(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/subsidy-reward-applications/:id',
    {
      config: { operation: 'subsidy_reward.read' },
      schema: {
        tags,
        summary: '奖励申请详情',
        params: IdParams,
        response: { 200: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request) => getSubsidyRewardApplication({ id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-reward-applications/:id/review',
    {
      config: { operation: 'subsidy_reward.review' },
      schema: {
        tags,
        summary: '审核奖励申请（市局）',
        params: IdParams,
        body: ReviewSubsidyApplicationBody,
        response: { 200: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request) =>
      reviewSubsidyRewardApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-reward-applications/:id/approve',
    {
      config: { operation: 'subsidy_reward.approve' },
      schema: {
        tags,
        summary: '审批奖励申请（市局另一用户，占用预算）',
        params: IdParams,
        body: ApproveSubsidyApplicationBody,
        response: { 200: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request) =>
      approveSubsidyRewardApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-reward-applications/:id/pay',
    {
      config: { operation: 'subsidy_reward.pay' },
      schema: {
        tags,
        summary: '登记奖励兑付',
        params: IdParams,
        body: PaySubsidyApplicationBody,
        response: { 200: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request) =>
      paySubsidyRewardApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.post(
    '/api/subsidy-reward-applications/:id/clawback',
    {
      config: { operation: 'subsidy_reward.claw_back' },
      schema: {
        tags,
        summary: '追回奖励（条件事后不成立）',
        params: IdParams,
        body: ClawBackSubsidyApplicationBody,
        response: { 200: SubsidyRewardApplication, ...problemResponses },
      },
    },
    async (request) =>
      clawBackSubsidyRewardApplication({ id: request.params.id, ...request.body }, actorOf(request), deps),
  );
}
