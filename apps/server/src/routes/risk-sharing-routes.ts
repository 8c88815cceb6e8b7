import {
  AddPoolMemberBody,
  CaseRiskSharing,
  CreateGuaranteeProductBody,
  EndPoolMembershipBody,
  Guarantee,
  GuaranteePage,
  GuaranteeProduct,
  GuaranteeProductPage,
  GuaranteeProductQuery,
  GuaranteeQuery,
  IdParams,
  InsurancePolicy,
  InsurancePolicyPage,
  InsurancePolicyQuery,
  PoolFilingPage,
  PoolFilingQuery,
  RecordGuaranteeBody,
  RecordGuaranteeInsuranceBody,
  RecordInsurancePolicyBody,
  RiskPool,
  RiskPoolList,
  SetPoolBudgetBody,
  UpdateGuaranteeProductBody,
  UpdatePoolRatiosBody,
} from '@ipf/contracts';
import {
  addPoolMember,
  createGuaranteeProduct,
  endPoolMembership,
  findGuaranteeProducts,
  findGuarantees,
  findInsurancePolicies,
  findPoolFilings,
  findRiskPools,
  getCaseRiskSharing,
  recordGuarantee,
  recordGuaranteeInsurance,
  recordInsurancePolicy,
  setPoolBudget,
  updateGuaranteeProduct,
  updatePoolRatios,
  type AppDeps,
} from '@ipf/app';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['risk-sharing'];

/** Drops keys whose value is undefined (exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Risk sharing (issue 8 items 1–4): guarantor products and guarantees, policies, pools and filings, agreements. */
export function registerRiskSharingRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/guarantee-products',
    {
      config: { operation: 'guarantee_product.list' },
      schema: {
        tags,
        summary: '担保产品列表',
        querystring: GuaranteeProductQuery,
        response: { 200: GuaranteeProductPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return findGuaranteeProducts(
        { page: page ?? 1, pageSize: pageSize ?? 20, ...defined(filters) },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/guarantee-products',
    {
      config: { operation: 'guarantee_product.manage' },
      schema: {
        tags,
        summary: '新建担保产品（担保比例、费率、再担保）',
        body: CreateGuaranteeProductBody,
        response: { 200: GuaranteeProduct, ...problemResponses },
      },
    },
    async (request) => createGuaranteeProduct(defined(request.body), actorOf(request), deps),
  );
  app.patch(
    '/api/guarantee-products/:id',
    {
      config: { operation: 'guarantee_product.manage' },
      schema: {
        tags,
        summary: '修改或停用担保产品',
        params: IdParams,
        body: UpdateGuaranteeProductBody,
        response: { 200: GuaranteeProduct, ...problemResponses },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return updateGuaranteeProduct(
        { id: request.params.id, expectedVersion: version, ...defined(changes) },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/guarantees',
    {
      config: { operation: 'guarantee.list' },
      schema: {
        tags,
        summary: '担保合同列表',
        querystring: GuaranteeQuery,
        response: { 200: GuaranteePage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state } = request.query;
      return findGuarantees(
        { page: page ?? 1, pageSize: pageSize ?? 20, ...defined({ state }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/cases/:id/guarantee',
    {
      config: { operation: 'guarantee.record' },
      schema: {
        tags,
        summary: '担保机构登记担保合同（担保比例、担保费、再担保）',
        params: IdParams,
        body: RecordGuaranteeBody,
        response: { 200: Guarantee, ...problemResponses },
      },
    },
    async (request) =>
      recordGuarantee({ caseId: request.params.id, ...defined(request.body) }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/guarantee-insurance-policy',
    {
      config: { operation: 'insurance_policy.record' },
      schema: {
        tags,
        summary: '保险机构登记保证保险保单（保费、承保比例）',
        params: IdParams,
        body: RecordGuaranteeInsuranceBody,
        response: { 200: InsurancePolicy, ...problemResponses },
      },
    },
    async (request) =>
      recordGuaranteeInsurance(
        { caseId: request.params.id, ...defined(request.body) },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/insurance-policies',
    {
      config: { operation: 'insurance_policy.list' },
      schema: {
        tags,
        summary: '保单列表',
        querystring: InsurancePolicyQuery,
        response: { 200: InsurancePolicyPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, kind } = request.query;
      return findInsurancePolicies(
        { page: page ?? 1, pageSize: pageSize ?? 20, ...defined({ kind }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/insurance-policies',
    {
      config: { operation: 'insurance_policy.record' },
      schema: {
        tags,
        summary: '登记知识产权保险保单（侵权责任、维权、海外侵权、交易）',
        body: RecordInsurancePolicyBody,
        response: { 200: InsurancePolicy, ...problemResponses },
      },
    },
    async (request) => recordInsurancePolicy(defined(request.body), actorOf(request), deps),
  );
  app.get(
    '/api/risk-pools',
    {
      config: { operation: 'risk_pool.list' },
      schema: {
        tags,
        summary: '风险补偿资金池（预算、已用、合作银行）',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: RiskPoolList, ...problemResponses },
      },
    },
    async (request) => findRiskPools(defined({ year: request.query.year }), actorOf(request), deps),
  );
  app.post(
    '/api/risk-pools/:id/members',
    {
      config: { operation: 'risk_pool.manage' },
      schema: {
        tags,
        summary: '合作银行入池',
        params: IdParams,
        body: AddPoolMemberBody,
        response: { 200: RiskPool, ...problemResponses },
      },
    },
    async (request) =>
      addPoolMember({ poolId: request.params.id, ...defined(request.body) }, actorOf(request), deps),
  );
  app.post(
    '/api/risk-pool-memberships/:id/end',
    {
      config: { operation: 'risk_pool.manage' },
      schema: {
        tags,
        summary: '合作银行退出资金池',
        params: IdParams,
        body: EndPoolMembershipBody,
        response: { 200: RiskPool, ...problemResponses },
      },
    },
    async (request) =>
      endPoolMembership(
        { membershipId: request.params.id, ...defined(request.body) },
        actorOf(request),
        deps,
      ),
  );
  app.put(
    '/api/risk-pools/:id/budget',
    {
      config: { operation: 'risk_pool.manage' },
      schema: {
        tags,
        summary: '设置年度补偿预算',
        params: IdParams,
        body: SetPoolBudgetBody,
        response: { 200: RiskPool, ...problemResponses },
      },
    },
    async (request) => setPoolBudget({ poolId: request.params.id, ...request.body }, actorOf(request), deps),
  );
  app.put(
    '/api/risk-pools/:id/ratios',
    {
      config: { operation: 'risk_pool.manage' },
      schema: {
        tags,
        summary: '调整补偿比例（已备案贷款不受影响）',
        params: IdParams,
        body: UpdatePoolRatiosBody,
        response: { 200: RiskPool, ...problemResponses },
      },
    },
    async (request) => {
      const { version, ...change } = request.body;
      return updatePoolRatios(
        { poolId: request.params.id, expectedVersion: version, ...change },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/risk-pool-filings',
    {
      config: { operation: 'risk_pool_filing.list' },
      schema: {
        tags,
        summary: '入池备案贷款',
        querystring: PoolFilingQuery,
        response: { 200: PoolFilingPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, poolId } = request.query;
      return findPoolFilings(
        { page: page ?? 1, pageSize: pageSize ?? 20, ...defined({ poolId }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/cases/:id/risk-sharing',
    {
      config: { operation: 'risk_sharing.read' },
      schema: {
        tags,
        summary: '案件分险协议（担保、保险、资金池分层）',
        params: IdParams,
        response: { 200: CaseRiskSharing, ...problemResponses },
      },
    },
    async (request) => getCaseRiskSharing(request.params.id, actorOf(request), deps),
  );
}
