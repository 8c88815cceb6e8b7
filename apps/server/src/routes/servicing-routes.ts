import {
  DisburseLoanBody,
  ExtendLoanBody,
  IdempotencyKeyHeaders,
  IdParams,
  LoanAccount,
  RenewLoanBody,
  RepaymentBody,
  RepaymentResult,
  RunDailyServicingBody,
  ServicingRun,
} from '@ipf/contracts';
import {
  disburseLoan,
  extendLoan,
  getLoanAccount,
  postRepayment,
  renewLoan,
  runDailyServicingJob,
  type AppDeps,
  type RepaymentRequest,
} from '@ipf/app';
import { DomainError } from '@ipf/domain/errors';
import type { RepaymentMethod } from '@ipf/domain/loan';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['servicing'];
/** Bank API (issue 6 item 7): a bank's own system with an API token (bearer) or a session. */
const security = [{ bearer: [] }, { session: [] }];

/** The `Idempotency-Key` header of a money-moving request (1–100 visible characters). */
function idempotencyKeyOf(headers: Record<string, unknown>): string {
  const key = headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(key))
    throw new DomainError('IDEMPOTENCY_KEY_REQUIRED');
  return key;
}

function missing(field: string): never {
  throw new DomainError('VALIDATION_FAILED', {}, { problems: [{ code: 'REQUIRED', field }] });
}

/** Maps the wire body to the use case's request (yuan to fen); a missing amount is a validation problem. */
function toRepaymentRequest(body: RepaymentBody): RepaymentRequest {
  if (body.kind === 'regular') {
    if (body.amountYuan === undefined) missing('amountYuan');
    return { kind: 'regular', amountFen: parseYuan(body.amountYuan) };
  }
  if (body.settleInFull !== true && body.principalYuan === undefined) missing('principalYuan');
  return {
    kind: 'prepayment',
    principalFen: body.settleInFull === true ? 'full' : parseYuan(body.principalYuan!),
    ...(body.option === undefined ? {} : { option: body.option }),
  };
}

/** A replayed idempotent answer says so in a header (the body is the stored one). */
function markReplayed(reply: { header(name: string, value: string): unknown }, replayed: boolean): void {
  if (replayed) void reply.header('idempotent-replayed', 'true');
}

/** 展期/续贷 request: the case, the key, and the optional fields only when sent (exact optional properties). */
function restructuringInput<
  Body extends { version?: number; spreadBps?: number; repaymentMethod?: RepaymentMethod; note?: string },
>(request: { params: { id: string }; headers: Record<string, unknown>; body: Body }) {
  const { version, spreadBps, repaymentMethod, note, ...rest } = request.body;
  return {
    caseId: request.params.id,
    idempotencyKey: idempotencyKeyOf(request.headers),
    ...rest,
    ...(spreadBps === undefined ? {} : { spreadBps }),
    ...(repaymentMethod === undefined ? {} : { repaymentMethod }),
    ...(note === undefined ? {} : { note }),
    ...(version === undefined ? {} : { expectedVersion: version }),
  };
}

export function registerServicingRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/loan',
    {
      config: { operation: 'loan.read' },
      schema: {
        tags,
        summary: '贷款账户（还款计划、还款记录、当前应还、合同版本）',
        security,
        params: IdParams,
        response: { 200: LoanAccount, ...problemResponses },
      },
    },
    async (request) => getLoanAccount(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/disbursement',
    {
      config: { operation: 'loan.disburse' },
      schema: {
        tags,
        summary: '放款（可选受托支付），按贷款引擎生成还款计划；可带 Idempotency-Key 请求头',
        security,
        params: IdParams,
        headers: IdempotencyKeyHeaders,
        body: DisburseLoanBody,
        response: { 200: LoanAccount, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { version, penaltyMarkupPct, entrustedPayment } = request.body;
      const sent = request.headers['idempotency-key'];
      const result = await disburseLoan(
        {
          caseId: request.params.id,
          ...(penaltyMarkupPct === undefined ? {} : { penaltyMarkupPct }),
          ...(entrustedPayment === undefined ? {} : { entrustedPayment }),
          ...(version === undefined ? {} : { expectedVersion: version }),
          ...(sent === undefined ? {} : { idempotencyKey: idempotencyKeyOf(request.headers) }),
        },
        actorOf(request),
        deps,
      );
      markReplayed(reply, result.replayed === true);
      return result;
    },
  );
  app.post(
    '/api/cases/:id/repayments',
    {
      config: { operation: 'loan.repay' },
      schema: {
        tags,
        summary: '还款入账（须带 Idempotency-Key 请求头：同键同请求返回同一结果，同键异请求返回 422）',
        security,
        params: IdParams,
        headers: IdempotencyKeyHeaders,
        body: RepaymentBody,
        response: { 200: RepaymentResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const idempotencyKey = idempotencyKeyOf(request.headers);
      const result = await postRepayment(
        { caseId: request.params.id, idempotencyKey, request: toRepaymentRequest(request.body) },
        actorOf(request),
        deps,
      );
      markReplayed(reply, result.replayed);
      return { repayment: result.repayment, loan: result.loan };
    },
  );
  app.post(
    '/api/cases/:id/loan/extensions',
    {
      config: { operation: 'loan.restructure' },
      schema: {
        tags,
        summary: '展期：新合同版本，按贷款引擎自末次结清日重排还款计划（须带 Idempotency-Key 请求头）',
        security,
        params: IdParams,
        headers: IdempotencyKeyHeaders,
        body: ExtendLoanBody,
        response: { 200: LoanAccount, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await extendLoan(restructuringInput(request), actorOf(request), deps);
      markReplayed(reply, result.replayed);
      return result.loan;
    },
  );
  app.post(
    '/api/cases/:id/loan/renewals',
    {
      config: { operation: 'loan.restructure' },
      schema: {
        tags,
        summary:
          '续贷：新合同版本，余额按当日 LPR 加点重新起贷，原贷款利息计至当日（须带 Idempotency-Key 请求头）',
        security,
        params: IdParams,
        headers: IdempotencyKeyHeaders,
        body: RenewLoanBody,
        response: { 200: LoanAccount, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await renewLoan(restructuringInput(request), actorOf(request), deps);
      markReplayed(reply, result.replayed);
      return result.loan;
    },
  );
  app.post(
    '/api/servicing/daily-runs',
    {
      config: { operation: 'servicing.run_daily' },
      schema: {
        tags,
        summary: '运行日终批处理（计提、逾期、罚息复利、五级分类；可重复运行、可续跑）',
        body: RunDailyServicingBody,
        response: { 200: ServicingRun, ...problemResponses },
      },
    },
    async (request) => {
      const { businessDate, batchSize, maxBatches } = request.body;
      return runDailyServicingJob(
        {
          businessDate,
          ...(batchSize === undefined ? {} : { batchSize }),
          ...(maxBatches === undefined ? {} : { maxBatches }),
        },
        actorOf(request),
        deps,
      );
    },
  );
}
