import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { ipcPrefixCondition } from './find-trade-listings.ts';
import { toTradeRecordView, type TradeRecordView } from './trade-view.ts';

export interface FindTradeRecordsInput extends PageInput {
  readonly ipKind?: string;
  /** IPC prefix of the main class (`G06F`, `H04L 12`), spaces ignored. */
  readonly ipcPrefix?: string;
  readonly niceClass?: number;
  readonly kind?: string;
  readonly source?: string;
  readonly dateFrom?: string;
  readonly dateTo?: string;
  /** Yuan bounds on the price; trades without a price drop out when either is given. */
  readonly priceMin?: string;
  readonly priceMax?: string;
}

/**
 * Roles that see the counterparties of a trade: the bureaus, who record them for the trading centre. For every
 * other user a completed trade is public market data without the parties' identities (access.md).
 */
export function canSeeTradeCounterparties(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'city_bureau' || actor.role === 'district_bureau';
}

/**
 * 成交记录检索: completed trades and licences, searchable by IP kind, IPC prefix or Nice class, trade kind,
 * source, date range and price range; newest first. Every authenticated user reads them (public market data).
 */
export async function findTradeRecords(
  input: FindTradeRecordsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<TradeRecordView>> {
  authorize(actor, 'ip_trade.list');
  const { ipTrades } = tables;
  const conditions: SQL[] = [];
  if (input.ipKind !== undefined) conditions.push(eq(ipTrades.ipKind, input.ipKind));
  if (input.ipcPrefix !== undefined && input.ipcPrefix.trim() !== '')
    conditions.push(ipcPrefixCondition(ipTrades.ipcClasses, input.ipcPrefix));
  if (input.niceClass !== undefined)
    conditions.push(sql`${ipTrades.niceClasses} @> ${JSON.stringify([input.niceClass])}::jsonb`);
  if (input.kind !== undefined) conditions.push(eq(ipTrades.kind, input.kind));
  if (input.source !== undefined) conditions.push(eq(ipTrades.source, input.source));
  if (input.dateFrom !== undefined) conditions.push(gte(ipTrades.tradeDate, input.dateFrom));
  if (input.dateTo !== undefined) conditions.push(lte(ipTrades.tradeDate, input.dateTo));
  if (input.priceMin !== undefined) conditions.push(gte(ipTrades.priceFen, parseYuan(input.priceMin)));
  if (input.priceMax !== undefined) conditions.push(lte(ipTrades.priceFen, parseYuan(input.priceMax)));
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(ipTrades)
      .where(where)
      .orderBy(desc(ipTrades.tradeDate), asc(ipTrades.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(ipTrades).where(where),
  ]);
  const showCounterparties = canSeeTradeCounterparties(actor);
  return {
    items: rows.map((row) => toTradeRecordView(row, showCounterparties)),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
