import {
  CasePledgeMonitoring,
  FeePaidOnBehalfBody,
  HandlePledgeAlertBody,
  IdParams,
  PledgeAlert,
  PledgeAlertPage,
  PledgeAlertQuery,
  PledgeRevaluationBody,
  PledgeScanBody,
  PledgeScanResult,
} from '@ipf/contracts';
import {
  acknowledgePledgeAlert,
  findPledgeAlerts,
  getCasePledgeMonitoring,
  recordFeePaidOnBehalf,
  recordPledgeRevaluation,
  resolvePledgeAlert,
  scanPledgedAssets,
  type AppDeps,
} from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['monitoring'];

export function registerMonitoringRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/pledge-alerts',
    {
      config: { operation: 'pledge_alert.list' },
      schema: {
        tags,
        summary: '押品贷后监测预警（按状态、类型、级别、案件、到期日筛选）',
        querystring: PledgeAlertQuery,
        response: { 200: PledgeAlertPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, state, kind, severity, caseId, dueBefore } = request.query;
      return findPledgeAlerts(
        {
          page: page ?? 1,
          pageSize: pageSize ?? 20,
          ...(state === undefined ? {} : { state }),
          ...(kind === undefined ? {} : { kind }),
          ...(severity === undefined ? {} : { severity }),
          ...(caseId === undefined ? {} : { caseId }),
          ...(dueBefore === undefined ? {} : { dueBefore }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  for (const [path, summary, handle] of [
    ['acknowledgement', '确认预警（处理中）', acknowledgePledgeAlert],
    ['resolution', '预警处理完毕', resolvePledgeAlert],
  ] as const) {
    app.post(
      `/api/pledge-alerts/:id/${path}`,
      {
        config: { operation: 'pledge_alert.handle' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: HandlePledgeAlertBody,
          response: { 200: PledgeAlert, ...problemResponses },
        },
      },
      async (request) => {
        const { note, version } = request.body;
        return handle(
          {
            id: request.params.id,
            ...(note === undefined ? {} : { note }),
            ...(version === undefined ? {} : { expectedVersion: version }),
          },
          actorOf(request),
          deps,
        );
      },
    );
  }
  app.get(
    '/api/cases/:id/pledge-monitoring',
    {
      config: { operation: 'pledge_alert.list' },
      schema: {
        tags,
        summary: '案件押品监测（含代缴年费的担保金额、代缴记录、预警）',
        params: IdParams,
        response: { 200: CasePledgeMonitoring, ...problemResponses },
      },
    },
    async (request) => getCasePledgeMonitoring(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/fees-paid-on-behalf',
    {
      config: { operation: 'pledge_fee.record_on_behalf' },
      schema: {
        tags,
        summary: '登记代缴年费（合同约定时计入担保范围）',
        params: IdParams,
        body: FeePaidOnBehalfBody,
        response: { 200: CasePledgeMonitoring, ...problemResponses },
      },
    },
    async (request) => {
      const { assetId, amountYuan, paidOn, feeYear, paidThroughDate, addToSecuredAmount, reference } =
        request.body;
      return recordFeePaidOnBehalf(
        {
          caseId: request.params.id,
          assetId,
          amountFen: parseYuan(amountYuan),
          paidOn,
          feeYear,
          paidThroughDate,
          ...(addToSecuredAmount === undefined ? {} : { addToSecuredAmount }),
          ...(reference === undefined ? {} : { reference }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/cases/:id/revaluations',
    {
      config: { operation: 'pledge.revalue' },
      schema: {
        tags,
        summary: '押品重估（新的价值评估；到期的重估提醒随之关闭）',
        params: IdParams,
        body: PledgeRevaluationBody,
        response: { 200: CasePledgeMonitoring, ...problemResponses },
      },
    },
    async (request) => {
      const { valuationId, basis, evaluatorName, valuationDate, validUntil, assetValues, note } =
        request.body;
      return recordPledgeRevaluation(
        {
          caseId: request.params.id,
          ...(valuationId === undefined ? {} : { valuationId }),
          ...(basis === undefined ? {} : { basis }),
          ...(valuationDate === undefined ? {} : { valuationDate }),
          ...(validUntil === undefined ? {} : { validUntil }),
          ...(assetValues === undefined
            ? {}
            : {
                assetValues: assetValues.map((a) => ({
                  assetId: a.assetId,
                  valueFen: parseYuan(a.valueYuan),
                })),
              }),
          ...(evaluatorName === undefined ? {} : { evaluatorName }),
          ...(note === undefined ? {} : { note }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/pledge-monitoring/scans',
    {
      config: { operation: 'pledge_alert.scan' },
      schema: {
        tags,
        summary: '运行押品监测扫描（幂等：重复扫描不产生重复预警）',
        body: PledgeScanBody,
        response: { 200: PledgeScanResult, ...problemResponses },
      },
    },
    async (request) => {
      const { businessDate, caseId } = request.body;
      return scanPledgedAssets(
        { businessDate, ...(caseId === undefined ? {} : { caseId }) },
        actorOf(request),
        deps,
      );
    },
  );
}
