import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  ChangeTradeListingStatusBody,
  CreateTradeListingBody,
  CreateTradeRecordBody,
  IdParams,
  IpHealthCheck,
  PageOf,
  TradeComparableList,
  TradeComparableQuery,
  TradeListing,
  TradeListingQuery,
  TradeRecord,
  TradeRecordQuery,
} from '@ipf/contracts';
import {
  changeTradeListingStatus,
  createIpHealthReportPdf,
  createTradeListing,
  createTradeRecord,
  findTradeComparables,
  findTradeListings,
  findTradeRecords,
  formatBpsAsPct,
  getIpHealthCheck,
  type AppDeps,
  type IpHealthCheck as HealthCheck,
  type TradeComparable,
} from '@ipf/app';
import { formatRatePct, formatYuan, type Rate } from '@ipf/domain/money';
import { formatIpHealthItem, type IpHealthItem } from '@ipf/domain/valuation';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['ip-trades'];
const PdfFile = Type.Unknown({ description: 'application/pdf' });
const ONE: Rate = { numerator: 1n, denominator: 1n };
const page = (query: { page?: number; pageSize?: number }) => ({
  page: query.page ?? 1,
  pageSize: query.pageSize ?? 20,
});

const comparableOnTheWire = (c: TradeComparable) => ({
  ...c,
  price: formatYuan(c.priceFen),
  royaltyRatePct: c.royaltyRateBps === null ? null : formatBpsAsPct(c.royaltyRateBps),
  factors: {
    time: formatRatePct(c.factors.time ?? ONE, 4),
    size: formatRatePct(c.factors.size ?? ONE, 4),
    technology: formatRatePct(c.factors.technology ?? ONE, 4),
    terms: formatRatePct(c.factors.terms ?? ONE, 4),
  },
  weight: c.weight ?? 1,
});

function healthOnTheWire(check: HealthCheck, request: FastifyRequest) {
  const language = requestLanguage(request);
  const finding = (item: IpHealthItem) => ({ ...item, message: formatIpHealthItem(item, language) });
  return {
    ...check,
    strengths: check.strengths.map(finding),
    risks: check.risks.map(finding),
    recommendations: check.recommendations.map(finding),
  };
}

/** Trade records (R4): listings, completed trades, comparables for an asset; and the enterprise health check. */
export function registerIpTradeRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/ip-trade-listings',
    {
      config: { operation: 'ip_trade_listing.list' },
      schema: {
        tags,
        summary: '挂牌信息检索',
        querystring: TradeListingQuery,
        response: { 200: PageOf(TradeListing), ...problemResponses },
      },
    },
    async (request) =>
      findTradeListings({ ...request.query, ...page(request.query) }, actorOf(request), deps),
  );
  app.post(
    '/api/ip-trade-listings',
    {
      config: { operation: 'ip_trade_listing.manage' },
      schema: {
        tags,
        summary: '挂牌（转让或许可）',
        body: CreateTradeListingBody,
        response: { 201: TradeListing, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTradeListing(request.body, actorOf(request), deps)),
  );
  app.post(
    '/api/ip-trade-listings/:id/status',
    {
      config: { operation: 'ip_trade_listing.manage' },
      schema: {
        tags,
        summary: '撤牌或关闭挂牌',
        params: IdParams,
        body: ChangeTradeListingStatusBody,
        response: { 200: TradeListing, ...problemResponses },
      },
    },
    async (request) =>
      changeTradeListingStatus(
        { id: request.params.id, status: request.body.status },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/ip-trades',
    {
      config: { operation: 'ip_trade.list' },
      schema: {
        tags,
        summary: '成交记录检索（交易对手仅对主管部门可见）',
        querystring: TradeRecordQuery,
        response: { 200: PageOf(TradeRecord), ...problemResponses },
      },
    },
    async (request) => findTradeRecords({ ...request.query, ...page(request.query) }, actorOf(request), deps),
  );
  app.post(
    '/api/ip-trades',
    {
      config: { operation: 'ip_trade.record' },
      schema: {
        tags,
        summary: '录入成交记录',
        body: CreateTradeRecordBody,
        response: { 201: TradeRecord, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTradeRecord(request.body, actorOf(request), deps)),
  );
  app.get(
    '/api/ip-assets/:id/trade-comparables',
    {
      config: { operation: 'ip_trade.comparables' },
      schema: {
        tags,
        summary: '可比交易（市场法，含建议修正系数）',
        params: IdParams,
        querystring: TradeComparableQuery,
        response: { 200: TradeComparableList, ...problemResponses },
      },
    },
    async (request) => {
      const comparables = await findTradeComparables(
        { assetId: request.params.id, ...request.query },
        actorOf(request),
        deps,
      );
      return { items: comparables.map(comparableOnTheWire) };
    },
  );
  app.get(
    '/api/enterprises/:id/ip-health',
    {
      config: { operation: 'ip_health.read' },
      schema: {
        tags,
        summary: '知识产权体检',
        params: IdParams,
        response: { 200: IpHealthCheck, ...problemResponses },
      },
    },
    async (request) =>
      healthOnTheWire(
        await getIpHealthCheck({ enterpriseId: request.params.id }, actorOf(request), deps),
        request,
      ),
  );
  app.get(
    '/api/enterprises/:id/ip-health/pdf',
    {
      config: { operation: 'ip_health.read' },
      schema: {
        tags,
        summary: '下载知识产权体检报告（PDF）',
        params: IdParams,
        response: { 200: PdfFile, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { pdf, check } = await createIpHealthReportPdf(
        { enterpriseId: request.params.id },
        actorOf(request),
        deps,
      );
      const fileName = `知识产权体检报告-${check.enterprise.name}-${check.asOfDate}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(pdf);
    },
  );
}
