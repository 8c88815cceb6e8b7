import { Type } from '@sinclair/typebox';
import {
  CaseAttachment,
  FeePayee,
  FeePayment,
  IdParams,
  RecordFeePaymentBody,
  UploadCaseAttachmentBody,
} from '@ipf/contracts';
import {
  findFeePayees,
  findFeePayments,
  recordFeePayment,
  uploadSubsidyEvidence,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['subsidies'];
/** A 10 MB file is ~13.4 MB of Base64 (as for case attachments). */
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

/** 费用缴付记录 and 补贴证明材料 of a case (issue 9 items 1, 3). */
export function registerFeePaymentRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/fee-payments',
    {
      config: { operation: 'fee_payment.list' },
      schema: {
        tags,
        summary: '费用缴付记录（评估费、服务费）',
        params: IdParams,
        response: { 200: Type.Array(FeePayment), ...problemResponses },
      },
    },
    async (request) => findFeePayments(request.params.id, actorOf(request), deps),
  );
  app.get(
    '/api/cases/:id/fee-payees',
    {
      config: { operation: 'fee_payment.record' },
      schema: {
        tags,
        summary: '收款机构候选（本案银行、担保、保险、评估机构及各评估机构）',
        params: IdParams,
        response: { 200: Type.Array(FeePayee), ...problemResponses },
      },
    },
    async (request) => findFeePayees(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/fee-payments',
    {
      config: { operation: 'fee_payment.record' },
      schema: {
        tags,
        summary: '登记费用缴付（收款机构登记；或企业附发票登记，由审核人核对）',
        params: IdParams,
        body: RecordFeePaymentBody,
        response: { 201: FeePayment, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordFeePayment({ caseId: request.params.id, ...request.body }, actorOf(request), deps)),
  );
  app.post(
    '/api/cases/:id/subsidy-evidence',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { operation: 'subsidy_evidence.upload' },
      schema: {
        tags,
        summary: '上传补贴证明材料（完税证明、资格证明、备案回执、缴费发票；贷款结清后亦可上传）',
        params: IdParams,
        body: UploadCaseAttachmentBody,
        response: { 201: CaseAttachment, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await uploadSubsidyEvidence({ caseId: request.params.id, ...request.body }, actorOf(request), deps),
        ),
  );
}
