import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { ipAssetKindCodes } from '@ipf/domain/ip-asset';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { isIsoDateText } from '../ip-assets/iso-date-text.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  mainIpcSubclass,
  toTradeRecordView,
  tradeKinds,
  tradeSources,
  type TradeRecordView,
} from './trade-view.ts';

export interface CreateTradeRecordInput {
  /** An asset on the platform; its kind, number, title and classes then come from the register. */
  readonly assetId?: string | null;
  /** The listing this trade closes (it is marked 已成交 in the same transaction). */
  readonly listingId?: string | null;
  readonly ipKind?: string;
  readonly assetNumber?: string;
  readonly assetTitle?: string;
  readonly ipcClasses?: readonly string[];
  readonly niceClasses?: readonly number[];
  readonly kind: string;
  /** Yuan ("1200000.00"); for a licence its capitalised fee. */
  readonly price?: string | null;
  /** Percent with up to two decimals ("5.5"). */
  readonly royaltyRatePct?: string | null;
  readonly tradeDate: string;
  readonly sellerName: string;
  readonly buyerName: string;
  readonly source: string;
}

const PCT_PATTERN = /^(0|[1-9]\d?)(?:\.(\d{1,2}))?$|^100(?:\.0{1,2})?$/;

/** "5.5" → 550 basis points; undefined when the text is not a percent between 0 and 100 with ≤ 2 decimals. */
function pctToBps(text: string): number | undefined {
  const match = PCT_PATTERN.exec(text.trim());
  if (match === null) return undefined;
  if (match[1] === undefined) return 10_000;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * 录入成交记录 (record a completed trade or licence): the bureaus record what the trading centre or a
 * registration notice reports. A price or a royalty rate is required; the trade date cannot be in the future.
 * With a listing the listing is closed in the same transaction.
 */
export async function createTradeRecord(
  input: CreateTradeRecordInput,
  actor: Actor,
  deps: AppDeps,
): Promise<TradeRecordView> {
  authorize(actor, 'ip_trade.record');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const problems: ProblemDetail[] = [];
  if (!(tradeKinds as readonly string[]).includes(input.kind))
    problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'kind', params: { value: input.kind } });
  if (!(tradeSources as readonly string[]).includes(input.source))
    problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'source', params: { value: input.source } });
  let priceFen: bigint | null = null;
  if (input.price !== undefined && input.price !== null) {
    try {
      priceFen = parseYuan(input.price);
      if (priceFen < 0n)
        problems.push({ code: 'VALUATION_AMOUNT_NEGATIVE', field: 'price', params: { field: 'price' } });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ code: error.code, field: 'price', params: error.params });
    }
  }
  let royaltyRateBps: number | null = null;
  if (input.royaltyRatePct !== undefined && input.royaltyRatePct !== null) {
    royaltyRateBps = pctToBps(input.royaltyRatePct) ?? null;
    if (royaltyRateBps === null)
      problems.push({
        code: 'VALUATION_RATE_OUT_OF_RANGE',
        field: 'royaltyRatePct',
        params: { field: 'royaltyRatePct', min: 0, max: 100, value: input.royaltyRatePct },
      });
  }
  if (priceFen === null && royaltyRateBps === null && problems.length === 0)
    problems.push({ code: 'TRADE_PRICE_OR_ROYALTY_REQUIRED', field: 'price', params: {} });
  if (!isIsoDateText(input.tradeDate))
    problems.push({ code: 'IP_ASSET_DATE_INVALID', field: 'tradeDate', params: { value: input.tradeDate } });
  else if (input.tradeDate > today)
    problems.push({
      code: 'TRADE_DATE_IN_FUTURE',
      field: 'tradeDate',
      params: { tradeDate: input.tradeDate },
    });
  if (input.sellerName.trim() === '')
    problems.push({ code: 'FIELD_REQUIRED', field: 'sellerName', params: {} });
  if (input.buyerName.trim() === '')
    problems.push({ code: 'FIELD_REQUIRED', field: 'buyerName', params: {} });

  const { ipAssets, ipTrades, ipTradeListings } = tables;
  return runInTransaction(deps, async (tx) => {
    let facts: {
      assetId: string | null;
      ipKind: string;
      assetNumber: string;
      assetTitle: string;
      ipcClasses: string[];
      niceClasses: number[];
    };
    if (input.assetId !== undefined && input.assetId !== null) {
      const [asset] = await tx.select().from(ipAssets).where(eq(ipAssets.id, input.assetId));
      if (asset === undefined) throw new DomainError('NOT_FOUND');
      facts = {
        assetId: asset.id,
        ipKind: asset.kind,
        assetNumber: asset.number,
        assetTitle: asset.title,
        ipcClasses: asset.ipcClasses,
        niceClasses: asset.niceClasses,
      };
    } else {
      for (const field of ['ipKind', 'assetNumber', 'assetTitle'] as const)
        if ((input[field] ?? '').trim() === '') problems.push({ code: 'FIELD_REQUIRED', field, params: {} });
      if (input.ipKind !== undefined && !(ipAssetKindCodes as readonly string[]).includes(input.ipKind))
        problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'ipKind', params: { value: input.ipKind } });
      facts = {
        assetId: null,
        ipKind: input.ipKind ?? '',
        assetNumber: (input.assetNumber ?? '').trim(),
        assetTitle: (input.assetTitle ?? '').trim(),
        ipcClasses: [...(input.ipcClasses ?? [])],
        niceClasses: [...(input.niceClasses ?? [])],
      };
    }
    assertNoProblems(problems);

    if (input.listingId !== undefined && input.listingId !== null) {
      const [listing] = await tx
        .select()
        .from(ipTradeListings)
        .where(eq(ipTradeListings.id, input.listingId))
        .for('update');
      if (listing === undefined) throw new DomainError('TRADE_LISTING_NOT_FOUND');
      if (listing.status !== 'listed')
        throw new DomainError('TRADE_LISTING_NOT_LISTED', { status: listing.status });
      await tx
        .update(ipTradeListings)
        .set({ status: 'closed', updatedAt: now })
        .where(eq(ipTradeListings.id, listing.id));
    }

    const id = randomUUID();
    const [row] = await tx
      .insert(ipTrades)
      .values({
        id,
        ...facts,
        listingId: input.listingId ?? null,
        mainIpcSubclass: mainIpcSubclass(facts.ipcClasses),
        kind: input.kind,
        priceFen,
        royaltyRateBps,
        tradeDate: input.tradeDate,
        sellerName: input.sellerName.trim(),
        buyerName: input.buyerName.trim(),
        source: input.source,
        recordedByOrganisationId: actor.organisationId,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    const view = toTradeRecordView(row!, true);
    await deps.audit.append(
      tx,
      actor,
      { action: 'ip_trade.recorded', entityType: 'ip_trade', entityId: id, after: view },
      now,
    );
    return view;
  });
}
