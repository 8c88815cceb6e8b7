import { Type } from '@sinclair/typebox';
import {
  AcceptParticipationBody,
  ApplyBody,
  ApproveBody,
  BankProductListItem,
  BankProductQuery,
  BankProductView,
  CaseQuery,
  CommitteeVoteBody,
  CreateBankProductBody,
  CreateLeadBody,
  CreditRatingBody,
  DeclineBody,
  CaseSummary,
  FinancingCase,
  IdParams,
  PageOf,
  PledgeeCandidate,
  PledgeeCandidateQuery,
  RiskEvaluationBody,
  ValueEvaluationBody,
  WithdrawBody,
  WorkQueueQuery,
  WorkQueueView,
} from '@ipf/contracts';
import {
  acceptGuarantee,
  acceptInsurance,
  applyForFinancing,
  approveCase,
  createBankProduct,
  createCaseLead,
  declineCase,
  findBankProducts,
  findCases,
  findPledgeeCandidates,
  findWorkQueue,
  getCase,
  recordCreditRating,
  recordRiskEvaluation,
  recordValueEvaluation,
  voteCreditCommittee,
  withdrawCase,
  type AppDeps,
} from '@ipf/app';
import type { CaseState } from '@ipf/domain/ledger';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['ledger'];
const fenOrNull = (yuan: string | null) => (yuan === null ? null : parseYuan(yuan));
/** Drops undefined keys (exactOptionalPropertyTypes) and renames the wire's `version` to `expectedVersion`. */
function common<T extends { version?: number; note?: string }>(body: T) {
  return {
    ...(body.version === undefined ? {} : { expectedVersion: body.version }),
    ...(body.note === undefined ? {} : { note: body.note }),
  };
}

export function registerLedgerRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/bank-products',
    {
      config: { operation: 'bank_product.list' },
      schema: {
        tags,
        summary: '银行产品',
        querystring: BankProductQuery,
        response: { 200: Type.Array(BankProductListItem), ...problemResponses },
      },
    },
    async (request) =>
      findBankProducts(
        request.query.bankId === undefined ? {} : { bankId: request.query.bankId },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/bank-products',
    {
      config: { operation: 'bank_product.create' },
      schema: {
        tags,
        summary: '新建银行产品',
        body: CreateBankProductBody,
        response: { 200: BankProductView, ...problemResponses },
      },
    },
    async (request) => {
      const b = request.body;
      return createBankProduct(
        {
          code: b.code,
          nameZh: b.nameZh,
          nameEn: b.nameEn,
          acceptedIpKinds: b.acceptedIpKinds as never,
          minAmountFen: parseYuan(b.minAmountYuan),
          maxAmountFen: parseYuan(b.maxAmountYuan),
          minTermMonths: b.minTermMonths,
          maxTermMonths: b.maxTermMonths,
          lprTenor: b.lprTenor,
          minSpreadBps: b.minSpreadBps,
          maxSpreadBps: b.maxSpreadBps,
          repaymentMethods: b.repaymentMethods,
          maxPledgeRateBpsByKind: b.maxPledgeRateBpsByKind,
          combinedModels: b.combinedModels,
          approvalLevels: b.approvalLevels.map((l) => ({
            level: l.level,
            zh: l.zh,
            en: l.en,
            maxAmountFen: fenOrNull(l.maxAmountYuan),
          })),
          creditCommitteeThresholdFen: fenOrNull(b.creditCommitteeThresholdYuan),
          disbursementRequiresRegistration: b.disbursementRequiresRegistration,
          allowsInternalEvaluationUpToFen: fenOrNull(b.allowsInternalEvaluationUpToYuan),
          ...(b.riskScorecard === undefined ? {} : { riskScorecard: b.riskScorecard }),
          ...(b.dueDiligenceChecklist === undefined
            ? {}
            : { dueDiligenceChecklist: b.dueDiligenceChecklist }),
        },
        actorOf(request),
        deps,
      );
    },
  );

  app.get(
    '/api/cases',
    {
      config: { operation: 'case.list' },
      schema: {
        tags,
        summary: '融资台账',
        querystring: CaseQuery,
        response: { 200: PageOf(CaseSummary), ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state, ...rest } = request.query;
      return findCases(
        {
          ...rest,
          ...(state === undefined ? {} : { state: state as CaseState }),
          page: page ?? 1,
          pageSize: pageSize ?? 20,
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/cases/work-queue',
    {
      config: { operation: 'case.work_queue' },
      schema: {
        tags,
        summary: '待办（按环节，含时效）',
        querystring: WorkQueueQuery,
        response: { 200: WorkQueueView, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state } = request.query;
      return findWorkQueue(
        {
          ...(state === undefined ? {} : { state: state as CaseState }),
          page: page ?? 1,
          pageSize: pageSize ?? 20,
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/cases/:id',
    {
      config: { operation: 'case.read' },
      schema: {
        tags,
        summary: '案件详情',
        params: IdParams,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) => getCase(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases',
    {
      config: { operation: 'case.apply' },
      schema: {
        tags,
        summary: '在线申请',
        body: ApplyBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) => {
      const { amountYuan, version, leadCaseId, coOwnerConsentPartyIds, ...rest } = request.body;
      return applyForFinancing(
        {
          ...rest,
          amountFen: parseYuan(amountYuan),
          ...(version === undefined ? {} : { expectedVersion: version }),
          ...(leadCaseId === undefined ? {} : { leadCaseId }),
          ...(coOwnerConsentPartyIds === undefined ? {} : { coOwnerConsentPartyIds }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/cases/leads',
    {
      config: { operation: 'case.create_lead' },
      schema: {
        tags,
        summary: '新建线索',
        body: CreateLeadBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) => {
      const { bankUnitId, note, ...rest } = request.body;
      return createCaseLead(
        {
          ...rest,
          ...(bankUnitId === undefined ? {} : { bankUnitId }),
          ...(note === undefined ? {} : { note }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/cases/:id/risk-evaluation',
    {
      config: { operation: 'case.evaluate' },
      schema: {
        tags,
        summary: '风险评测',
        params: IdParams,
        body: RiskEvaluationBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      recordRiskEvaluation(
        { id: request.params.id, facts: request.body.facts, ...common(request.body) },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/cases/:id/value-evaluation',
    {
      config: { operation: 'case.evaluate' },
      schema: {
        tags,
        summary: '价值评估与质押率校验',
        params: IdParams,
        body: ValueEvaluationBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) => {
      const { assetValues, evaluatorName, valuers, method, basis, valuationDate, validUntil, valuationId } =
        request.body;
      const { evaluatorOrganisationId } = request.body;
      return recordValueEvaluation(
        {
          id: request.params.id,
          ...(valuationId === undefined ? {} : { valuationId }),
          ...(basis === undefined ? {} : { basis }),
          ...(valuationDate === undefined ? {} : { valuationDate }),
          ...(validUntil === undefined ? {} : { validUntil }),
          ...common(request.body),
          ...(evaluatorName === undefined ? {} : { evaluatorName }),
          ...(evaluatorOrganisationId === undefined ? {} : { evaluatorOrganisationId }),
          ...(valuers === undefined ? {} : { valuers }),
          ...(method === undefined ? {} : { method }),
          ...(assetValues === undefined
            ? {}
            : {
                assetValues: assetValues.map((a) => ({
                  assetId: a.assetId,
                  valueFen: parseYuan(a.valueYuan),
                })),
              }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/cases/:id/credit-rating',
    {
      config: { operation: 'case.evaluate' },
      schema: {
        tags,
        summary: '授信评定',
        params: IdParams,
        body: CreditRatingBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      recordCreditRating(
        {
          id: request.params.id,
          creditRating: request.body.creditRating,
          creditLineFen: parseYuan(request.body.creditLineYuan),
          ...common(request.body),
        },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/cases/:id/committee-votes',
    {
      config: { operation: 'case.decide' },
      schema: {
        tags,
        summary: '贷审会表决',
        params: IdParams,
        body: CommitteeVoteBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      voteCreditCommittee(
        { id: request.params.id, vote: request.body.vote, ...common(request.body) },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/cases/:id/approve',
    {
      config: { operation: 'case.decide' },
      schema: {
        tags,
        summary: '审批通过',
        params: IdParams,
        body: ApproveBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      approveCase({ id: request.params.id, ...common(request.body) }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/decline',
    {
      config: { operation: 'case.decide' },
      schema: {
        tags,
        summary: '审批拒绝',
        params: IdParams,
        body: DeclineBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      declineCase(
        {
          id: request.params.id,
          ...(request.body.reasonCode === undefined ? {} : { reasonCode: request.body.reasonCode }),
          ...common(request.body),
        },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/cases/:id/withdraw',
    {
      config: { operation: 'case.withdraw' },
      schema: {
        tags,
        summary: '撤回',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      withdrawCase({ id: request.params.id, ...common(request.body) }, actorOf(request), deps),
  );

  app.post(
    '/api/cases/:id/accept-guarantee',
    {
      config: { operation: 'case.accept_guarantee' },
      schema: {
        tags,
        summary: '担保承保',
        params: IdParams,
        body: AcceptParticipationBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      acceptGuarantee({ id: request.params.id, ...common(request.body) }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/accept-insurance',
    {
      config: { operation: 'case.accept_insurance' },
      schema: {
        tags,
        summary: '保险承保',
        params: IdParams,
        body: AcceptParticipationBody,
        response: { 200: FinancingCase, ...problemResponses },
      },
    },
    async (request) =>
      acceptInsurance({ id: request.params.id, ...common(request.body) }, actorOf(request), deps),
  );
  app.get(
    '/api/pledgee-candidates',
    {
      config: { operation: 'organisation.directory' },
      schema: {
        tags,
        summary: '质权人/担保/保险机构名录',
        querystring: PledgeeCandidateQuery,
        response: { 200: PageOf(PledgeeCandidate), ...problemResponses },
      },
    },
    async (request) => {
      const { q, kinds, page, pageSize } = request.query;
      return findPledgeeCandidates(
        {
          ...(q === undefined ? {} : { q }),
          ...(kinds === undefined ? {} : { kinds: kinds.split(',') as ('bank' | 'guarantor' | 'insurer')[] }),
          page: page ?? 1,
          pageSize: pageSize ?? 20,
        },
        actorOf(request),
        deps,
      );
    },
  );
}
