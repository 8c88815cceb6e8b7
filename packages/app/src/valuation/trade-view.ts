import { formatYuan } from '@ipf/domain/money';
import type { tables } from '@ipf/db';

/** 交易方式 (kind of a listing or trade): 转让, 独占许可, 普通许可. */
export const tradeKinds = ['sale', 'exclusive_licence', 'non_exclusive_licence'] as const;
export type TradeKind = (typeof tradeKinds)[number];
/** 挂牌状态: listed 挂牌中 → withdrawn 已撤牌 | closed 已成交. */
export const tradeListingStatuses = ['listed', 'withdrawn', 'closed'] as const;
export type TradeListingStatus = (typeof tradeListingStatuses)[number];
/** 数据来源 of a completed trade. */
export const tradeSources = ['trading_centre', 'registration_notice', 'platform_listing', 'other'] as const;
export type TradeSource = (typeof tradeSources)[number];

/** 挂牌信息 as lists and the API show it (a listing is a public offer: the owner's name is part of it). */
export interface TradeListingView {
  readonly id: string;
  readonly assetId: string;
  readonly assetKind: string;
  readonly assetNumber: string;
  readonly assetTitle: string;
  readonly ipcClasses: string[];
  readonly kind: string;
  /** Yuan; null = 面议 (price on request). */
  readonly askingPrice: string | null;
  readonly listedOn: string;
  readonly expiresOn: string;
  readonly status: string;
  readonly ownerEnterpriseId: string;
  readonly ownerName: string;
  readonly listerOrganisationId: string;
  readonly listerName: string;
  readonly note: string | null;
}

/** 成交记录 as lists show it; the counterparties' names are null for users who may not see them. */
export interface TradeRecordView {
  readonly id: string;
  readonly assetId: string | null;
  readonly listingId: string | null;
  readonly ipKind: string;
  readonly assetNumber: string;
  readonly assetTitle: string;
  readonly ipcClasses: string[];
  readonly niceClasses: number[];
  readonly kind: string;
  /** Yuan; null when only a royalty rate was disclosed. */
  readonly price: string | null;
  /** Percent with two decimals ("5.00"); null when only a price was disclosed. */
  readonly royaltyRatePct: string | null;
  readonly tradeDate: string;
  readonly sellerName: string | null;
  readonly buyerName: string | null;
  readonly source: string;
}

/** Percent text with two decimals from basis points (500 → "5.00"). */
export function formatBpsAsPct(bps: number): string {
  return `${Math.trunc(bps / 100)}.${String(Math.abs(bps) % 100).padStart(2, '0')}`;
}

export function toTradeRecordView(
  row: typeof tables.ipTrades.$inferSelect,
  showCounterparties: boolean,
): TradeRecordView {
  return {
    id: row.id,
    assetId: row.assetId,
    listingId: row.listingId,
    ipKind: row.ipKind,
    assetNumber: row.assetNumber,
    assetTitle: row.assetTitle,
    ipcClasses: row.ipcClasses,
    niceClasses: row.niceClasses,
    kind: row.kind,
    price: row.priceFen === null ? null : formatYuan(row.priceFen),
    royaltyRatePct: row.royaltyRateBps === null ? null : formatBpsAsPct(row.royaltyRateBps),
    tradeDate: row.tradeDate,
    sellerName: showCounterparties ? row.sellerName : null,
    buyerName: showCounterparties ? row.buyerName : null,
    source: row.source,
  };
}

/** Main IPC subclass without spaces (`G06F 16/00` → `G06F`), the key comparables are matched on. */
export function mainIpcSubclass(ipcClasses: readonly string[]): string | null {
  const main = ipcClasses[0]?.replace(/\s+/g, '').toUpperCase();
  return main === undefined || main.length < 4 ? null : main.slice(0, 4);
}
