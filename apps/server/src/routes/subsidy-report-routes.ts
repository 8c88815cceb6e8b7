import { Type } from '@sinclair/typebox';
import {
  IdParams,
  SubsidyReport,
  SubsidyReportQuery,
  SubsidySimulation,
  SubsidySimulationBody,
} from '@ipf/contracts';
import { exportSubsidyReport, findSubsidyReport, simulateSubsidyScheme, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['subsidies'];
const FileResponse = Type.Unknown({ description: 'file (xlsx)' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 模拟测算 and 补贴统计 (issue 9 items 5, 6): a scheme over last year's ledger; reports as JSON and xlsx. */
export function registerSubsidyReportRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/subsidy-schemes/:id/simulation',
    {
      config: { operation: 'subsidy_scheme.simulate' },
      schema: {
        tags,
        summary: '模拟测算：政策版本（含草稿）按上一年度台账的补贴金额，按区、按企业，及预算占用',
        params: IdParams,
        body: SubsidySimulationBody,
        response: { 200: SubsidySimulation, ...problemResponses },
      },
    },
    async (request) =>
      simulateSubsidyScheme(
        { id: request.params.id, ...(request.body.year === undefined ? {} : { year: request.body.year }) },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/subsidy-reports',
    {
      config: { operation: 'subsidy_report.read' },
      schema: {
        tags,
        summary: '补贴统计：按政策、区、企业、金融机构的批准与兑付金额和笔数',
        querystring: SubsidyReportQuery,
        response: { 200: SubsidyReport, ...problemResponses },
      },
    },
    async (request) => {
      const { year, schemeId } = request.query;
      return findSubsidyReport(
        { ...(year === undefined ? {} : { year }), ...(schemeId === undefined ? {} : { schemeId }) },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/subsidy-reports/export',
    {
      config: { operation: 'subsidy_report.read' },
      schema: {
        tags,
        summary: '导出补贴统计（xlsx）',
        querystring: SubsidyReportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { year, schemeId } = request.query;
      const file = await exportSubsidyReport(
        {
          ...(year === undefined ? {} : { year }),
          ...(schemeId === undefined ? {} : { schemeId }),
          language: requestLanguage(request),
        },
        actorOf(request),
        deps,
      );
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="subsidy-report-${day}.xlsx"`)
        .send(file);
    },
  );
}
