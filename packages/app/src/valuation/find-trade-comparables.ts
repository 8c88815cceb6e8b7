import { and, desc, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { addMonths, daysBetween } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import { createRate, type Rate } from '@ipf/domain/money';
import type { MarketComparable } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { ipAssetVisibility } from '../ip-assets/ip-asset-visibility.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { mainIpcSubclass, type TradeKind } from './trade-view.ts';

/** Comparables from this many years back (the market approach wants recent, active-market prices). */
export const COMPARABLE_YEARS = 3;
/** At most this many comparables, the most recent first. */
export const COMPARABLE_LIMIT = 20;
/** 交易时间修正 suggestion: prices drift up this many basis points a year (no published IP price index exists). */
export const TIME_DRIFT_BPS_PER_YEAR = 300n;
/**
 * 交易条件修正 suggestion (subject valued as full ownership ÷ what the comparable conveyed): an exclusive licence
 * conveys about 80 % of the right's value, a non-exclusive licence about half; an evaluator overrides these.
 */
export const TERMS_FACTOR: Readonly<Record<TradeKind, Rate>> = {
  sale: createRate(1n, 1n),
  exclusive_licence: createRate(5n, 4n),
  non_exclusive_licence: createRate(2n, 1n),
};

/** How closely a comparable matches the subject: weights 2 (same IPC subclass or Nice class) and 1 (IPC class). */
export type ComparableMatch = 'ipc_subclass' | 'ipc_class' | 'nice_class' | 'kind';

/** 可比交易 with the facts an evaluator checks, in the shape `calculateMarketValue` takes. */
export interface TradeComparable extends MarketComparable {
  readonly tradeKind: string;
  readonly tradeDate: string;
  readonly ipKind: string;
  readonly assetNumber: string;
  readonly assetTitle: string;
  readonly mainIpcSubclass: string | null;
  readonly royaltyRateBps: number | null;
  readonly match: ComparableMatch;
  /** Days between the trade and the valuation date (the basis of the time factor). */
  readonly ageDays: number;
}

export interface FindTradeComparablesInput {
  readonly assetId: string;
  /** 评估基准日, default today (Asia/Shanghai). */
  readonly asOfDate?: string;
}

/**
 * 选取可比交易 (select market comparables) for an asset from the trade records: priced trades of the same IP kind
 * in the {@link COMPARABLE_YEARS} years up to the valuation date; for patents of the same IPC class (3
 * characters, e.g. `G06`, weight 1) preferring the same subclass (`G06F`, weight 2); for trademarks sharing a
 * Nice class. Suggested factors: time `1 + 3 % × age in years` (exact, by days), terms by what the comparable
 * conveyed ({@link TERMS_FACTOR}); size and technology are left at 1 for the evaluator.
 * Source: 《资产评估执业准则——知识产权》 art. 23; GB/T 42748-2023 clause 6.3.
 */
export async function findTradeComparables(
  input: FindTradeComparablesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<TradeComparable[]> {
  const scope = authorize(actor, 'ip_trade.comparables');
  const today = toShanghaiDate(deps.clock.now());
  const asOfDate = input.asOfDate ?? today;
  const { ipAssets, ipTrades } = tables;
  const [asset] = await deps.db
    .select()
    .from(ipAssets)
    .where(and(eq(ipAssets.id, input.assetId), ipAssetVisibility(actor, scope, today)));
  if (asset === undefined) throw new DomainError('NOT_FOUND');

  const subclass = mainIpcSubclass(asset.ipcClasses);
  const conditions: SQL[] = [
    eq(ipTrades.ipKind, asset.kind),
    isNotNull(ipTrades.priceFen),
    lte(ipTrades.tradeDate, asOfDate),
    gte(ipTrades.tradeDate, addMonths(asOfDate, -12 * COMPARABLE_YEARS)),
  ];
  if (subclass !== null) conditions.push(sql`left(${ipTrades.mainIpcSubclass}, 3) = ${subclass.slice(0, 3)}`);
  else if (asset.niceClasses.length > 0)
    conditions.push(sql`${ipTrades.niceClasses} ?| ${`{${asset.niceClasses.join(',')}}`}::text[]`);
  const rows = await deps.db
    .select()
    .from(ipTrades)
    .where(and(...conditions))
    .orderBy(
      subclass === null ? desc(ipTrades.tradeDate) : sql`(${ipTrades.mainIpcSubclass} = ${subclass}) desc`,
      desc(ipTrades.tradeDate),
      ipTrades.id,
    )
    .limit(COMPARABLE_LIMIT);

  return rows.map((row): TradeComparable => {
    const ageDays = Math.max(0, daysBetween(row.tradeDate, asOfDate));
    const match: ComparableMatch =
      subclass !== null
        ? row.mainIpcSubclass === subclass
          ? 'ipc_subclass'
          : 'ipc_class'
        : asset.niceClasses.length > 0
          ? 'nice_class'
          : 'kind';
    const tradeKind = (row.kind in TERMS_FACTOR ? row.kind : 'sale') as TradeKind;
    return {
      comparableId: row.id,
      kind: tradeKind === 'sale' ? 'trade' : 'licence',
      priceFen: row.priceFen!,
      factors: {
        time: createRate(365n * 10_000n + TIME_DRIFT_BPS_PER_YEAR * BigInt(ageDays), 365n * 10_000n),
        terms: TERMS_FACTOR[tradeKind],
      },
      weight: match === 'ipc_class' ? 1 : 2,
      tradeKind: row.kind,
      tradeDate: row.tradeDate,
      ipKind: row.ipKind,
      assetNumber: row.assetNumber,
      assetTitle: row.assetTitle,
      mainIpcSubclass: row.mainIpcSubclass,
      royaltyRateBps: row.royaltyRateBps,
      match,
      ageDays,
    };
  });
}
