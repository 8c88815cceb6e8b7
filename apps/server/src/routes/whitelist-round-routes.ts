import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  AddWhitelistRoundBankBody,
  CreateWhitelistRoundBody,
  IdParams,
  JoinWhitelistProgrammeBody,
  WhitelistGradePage,
  WhitelistGradeQuery,
  WhitelistGradeUploadBody,
  WhitelistGradeUploadResult,
  WhitelistParticipationParams,
  WhitelistProgramme,
  WhitelistRelease,
  WhitelistReleaseExportQuery,
  WhitelistReleaseQuery,
  WhitelistRound,
  WhitelistRoundListQuery,
  WhitelistRoundPage,
  WhitelistScorecard,
  WhitelistScorecardBody,
} from '@ipf/contracts';
import {
  addWhitelistRoundBank,
  closeWhitelistRound,
  createWhitelistRound,
  exportWhitelistRelease,
  findWhitelistGrades,
  findWhitelistRounds,
  findWhitelistScorecards,
  getWhitelistProgramme,
  getWhitelistRelease,
  getWhitelistRound,
  joinWhitelistProgramme,
  leaveWhitelistProgramme,
  openWhitelistRound,
  releaseWhitelistRound,
  submitWhitelistScorecard,
  uploadWhitelistGrades,
  type AppDeps,
  type WhitelistScorecardView,
} from '@ipf/app';
import { formatErrorMessage } from '@ipf/domain/errors';
import { whitelistFeatureLabel, type WhitelistScorecard as DomainScorecard } from '@ipf/domain/whitelist';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['whitelist'];
const FileResponse = Type.Unknown({ description: 'file (CSV or xlsx)' });
const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** 100,000 grades as CSV are about 3 MiB, beyond the global 1 MiB body limit. */
const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;

const withoutUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/**
 * A scorecard with its refusal problems' messages in the request's language, the feature named as the bank reads
 * it (有效发明专利数, not validInventionPatents).
 */
const renderScorecard = (view: WhitelistScorecardView, request: FastifyRequest) => {
  const language = requestLanguage(request);
  return {
    ...view,
    problems: view.problems.map(({ params, ...p }) => ({
      ...p,
      message: formatErrorMessage(
        p.code,
        typeof params?.['feature'] === 'string'
          ? { ...params, feature: whitelistFeatureLabel(params['feature'], language) }
          : (params ?? {}),
        language,
      ),
    })),
  };
};

/**
 * 白名单计划 and 白名单轮次 (issue 10 items 1–3): the enterprise's programme consent; the bureau's rounds (create,
 * banks, open, release, close); each bank's anonymised release (JSON, CSV, xlsx), scorecards and grades.
 */
export function registerWhitelistRoundRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/whitelist-programme',
    {
      config: { operation: 'whitelist_programme.read' },
      schema: {
        tags,
        summary: '白名单计划：本企业的加入状态与授权',
        response: { 200: WhitelistProgramme, ...problemResponses },
      },
    },
    async (request) => getWhitelistProgramme(actorOf(request), deps),
  );
  app.post(
    '/api/whitelist-programme/join',
    {
      config: { operation: 'whitelist_programme.join' },
      schema: {
        tags,
        summary: '加入白名单计划（向市知识产权局授权，可随时撤回）',
        body: JoinWhitelistProgrammeBody,
        response: { 200: WhitelistProgramme, ...problemResponses },
      },
    },
    async (request) => joinWhitelistProgramme(request.body, actorOf(request), deps),
  );
  app.post(
    '/api/whitelist-programme/leave',
    {
      config: { operation: 'whitelist_programme.leave' },
      schema: {
        tags,
        summary: '退出白名单计划（撤回授权）',
        response: { 200: WhitelistProgramme, ...problemResponses },
      },
    },
    async (request) => leaveWhitelistProgramme(actorOf(request), deps),
  );

  app.get(
    '/api/whitelist-rounds',
    {
      config: { operation: 'whitelist_round.list' },
      schema: {
        tags,
        summary: '白名单轮次列表（市局全部；银行仅本行参与的轮次）',
        querystring: WhitelistRoundListQuery,
        response: { 200: WhitelistRoundPage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return findWhitelistRounds({ page, pageSize, ...withoutUndefined(rest) }, actorOf(request), deps);
    },
  );
  app.post(
    '/api/whitelist-rounds',
    {
      config: { operation: 'whitelist_round.manage' },
      schema: {
        tags,
        summary: '新建白名单轮次（草稿）',
        body: CreateWhitelistRoundBody,
        response: { 201: WhitelistRound, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createWhitelistRound(withoutUndefined(request.body), actorOf(request), deps)),
  );
  app.get(
    '/api/whitelist-rounds/:id',
    {
      config: { operation: 'whitelist_round.read' },
      schema: {
        tags,
        summary: '白名单轮次详情：参与银行及各行数据集的 k、抑制数、最小等价类',
        params: IdParams,
        response: { 200: WhitelistRound, ...problemResponses },
      },
    },
    async (request) => getWhitelistRound({ id: request.params.id }, actorOf(request), deps),
  );
  app.post(
    '/api/whitelist-rounds/:id/banks',
    {
      config: { operation: 'whitelist_round.manage' },
      schema: {
        tags,
        summary: '添加参与银行（总行或分支机构）',
        params: IdParams,
        body: AddWhitelistRoundBankBody,
        response: { 200: WhitelistRound, ...problemResponses },
      },
    },
    async (request) =>
      addWhitelistRoundBank(
        { roundId: request.params.id, bankOrganisationId: request.body.bankOrganisationId },
        actorOf(request),
        deps,
      ),
  );
  for (const [path, summary, run] of [
    ['open', '开启轮次', openWhitelistRound],
    [
      'release',
      '发布：向每家参与银行发布 k-匿名数据集（任一银行不满足 k 则整轮不发布）',
      releaseWhitelistRound,
    ],
    ['close', '关闭轮次', closeWhitelistRound],
  ] as const) {
    app.post(
      `/api/whitelist-rounds/:id/${path}`,
      {
        config: { operation: 'whitelist_round.manage' },
        schema: { tags, summary, params: IdParams, response: { 200: WhitelistRound, ...problemResponses } },
      },
      async (request) => run({ id: request.params.id }, actorOf(request), deps),
    );
  }

  app.get(
    '/api/whitelist-rounds/:id/banks/:bankId/release',
    {
      config: { operation: 'whitelist_release.read' },
      schema: {
        tags,
        summary: '本行匿名化数据集（假名、泛化特征；分页）',
        params: WhitelistParticipationParams,
        querystring: WhitelistReleaseQuery,
        response: { 200: WhitelistRelease, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, pseudonym } = request.query;
      return getWhitelistRelease(
        {
          roundId: request.params.id,
          bankOrganisationId: request.params.bankId,
          page,
          pageSize,
          ...(pseudonym === undefined ? {} : { pseudonym }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.get(
    '/api/whitelist-rounds/:id/banks/:bankId/release/export',
    {
      config: { operation: 'whitelist_release.read' },
      schema: {
        tags,
        summary: '下载本行匿名化数据集（CSV 或 xlsx）',
        params: WhitelistParticipationParams,
        querystring: WhitelistReleaseExportQuery,
        response: { 200: FileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await exportWhitelistRelease(
        {
          roundId: request.params.id,
          bankOrganisationId: request.params.bankId,
          format: request.query.format,
          language: requestLanguage(request),
        },
        actorOf(request),
        deps,
      );
      return reply
        .type(TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
  app.get(
    '/api/whitelist-rounds/:id/banks/:bankId/scorecards',
    {
      config: { operation: 'whitelist_scorecard.list' },
      schema: {
        tags,
        summary: '本行本轮提交的评分卡（含被拒原因）',
        params: WhitelistParticipationParams,
        response: { 200: Type.Array(WhitelistScorecard), ...problemResponses },
      },
    },
    async (request) =>
      (
        await findWhitelistScorecards(
          { roundId: request.params.id, bankOrganisationId: request.params.bankId },
          actorOf(request),
          deps,
        )
      ).map((s) => renderScorecard(s, request)),
  );
  app.post(
    '/api/whitelist-rounds/:id/banks/:bankId/scorecards',
    {
      config: { operation: 'whitelist_scorecard.submit' },
      schema: {
        tags,
        summary: '提交评分卡（数据不动模型动：平台内运行，仅返回假名→评级；被拒也计入配额）',
        params: WhitelistParticipationParams,
        body: WhitelistScorecardBody,
        response: { 201: WhitelistScorecard, ...problemResponses },
      },
    },
    async (request, reply) => {
      const view = await submitWhitelistScorecard(
        {
          roundId: request.params.id,
          bankOrganisationId: request.params.bankId,
          scorecard: request.body as unknown as DomainScorecard,
        },
        actorOf(request),
        deps,
      );
      return reply.status(201).send(renderScorecard(view, request));
    },
  );
  app.post(
    '/api/whitelist-rounds/:id/banks/:bankId/grades',
    {
      config: { operation: 'whitelist_grade.upload' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '按假名上传评级（CSV“假名,评级”或 JSON；未知假名整批拒绝）',
        params: WhitelistParticipationParams,
        body: WhitelistGradeUploadBody,
        response: { 200: WhitelistGradeUploadResult, ...problemResponses },
      },
    },
    async (request) =>
      uploadWhitelistGrades(
        { roundId: request.params.id, bankOrganisationId: request.params.bankId, upload: request.body },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/whitelist-rounds/:id/banks/:bankId/grades',
    {
      config: { operation: 'whitelist_grade.list' },
      schema: {
        tags,
        summary: '本行预评估等级（假名、评级、来源；分页）',
        params: WhitelistParticipationParams,
        querystring: WhitelistGradeQuery,
        response: { 200: WhitelistGradePage, ...problemResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return findWhitelistGrades(
        {
          roundId: request.params.id,
          bankOrganisationId: request.params.bankId,
          page,
          pageSize,
          ...withoutUndefined(rest),
        },
        actorOf(request),
        deps,
      );
    },
  );
}
