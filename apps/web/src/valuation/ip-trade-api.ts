import type { TradeComparable, TradeListing, TradeRecord, IpHealthCheck } from '@ipf/contracts';
import { apiRequest, buildApiUrl, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

export type { TradeComparable, TradeListing, TradeRecord, IpHealthCheck };

export interface CreateTradeListingInput {
  assetId: string;
  kind: string;
  askingPrice?: string | null;
  expiresOn: string;
  note?: string | null;
}

export interface CreateTradeRecordInput {
  ipKind: string;
  assetNumber: string;
  assetTitle: string;
  ipcClasses?: string[];
  kind: string;
  price?: string | null;
  royaltyRatePct?: string | null;
  tradeDate: string;
  sellerName: string;
  buyerName: string;
  source: string;
}

/** 交易记录 (R4) and 知识产权体检 endpoints. */
export const ipTradeApi = {
  listings: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<Page<TradeListing>>('/ip-trade-listings', { query, ...(signal ? { signal } : {}) }),
  createListing: (body: CreateTradeListingInput) =>
    apiRequest<TradeListing>('/ip-trade-listings', { method: 'POST', body }),
  withdrawListing: (id: string) =>
    apiRequest<TradeListing>(`/ip-trade-listings/${encodeURIComponent(id)}/status`, {
      method: 'POST',
      body: { status: 'withdrawn' },
    }),
  trades: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<Page<TradeRecord>>('/ip-trades', { query, ...(signal ? { signal } : {}) }),
  recordTrade: (body: CreateTradeRecordInput) =>
    apiRequest<TradeRecord>('/ip-trades', { method: 'POST', body }),
  /** 可比交易 of an asset with suggested adjustment factors, as of the valuation date. */
  comparables: (assetId: string, asOfDate: string, signal?: AbortSignal) =>
    apiRequest<{ items: TradeComparable[] }>(`/ip-assets/${encodeURIComponent(assetId)}/trade-comparables`, {
      query: { asOfDate },
      ...(signal ? { signal } : {}),
    }),
  health: (enterpriseId: string, signal?: AbortSignal) =>
    apiRequest<IpHealthCheck>(`/enterprises/${encodeURIComponent(enterpriseId)}/ip-health`, {
      ...(signal ? { signal } : {}),
    }),
  healthPdfUrl: (enterpriseId: string) =>
    buildApiUrl(`/enterprises/${encodeURIComponent(enterpriseId)}/ip-health/pdf`),
};
