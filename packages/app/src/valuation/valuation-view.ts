import { asc, eq, inArray } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import type {
  ComparableTradeView,
  ValuationAssetInput,
  ValuationAssetResult,
  ValuationKind,
  ValuationSummaryView,
  ValuationView,
} from './valuation-input.ts';

type ValuationRow = typeof tables.valuations.$inferSelect;

/** What `results` (jsonb) holds: each asset's figures and the portfolio parameters, all strings. */
export interface StoredValuationResults {
  readonly assets: ValuationAssetResult[];
  readonly licencesYuan: string;
  readonly pledgeRatioPct: string;
  readonly maxPledgeRatePct: string;
  readonly rangeBasis: string;
}

/** Valuations as the list shows them: organisation and enterprise names, assets with their values, validity. */
export async function toValuationSummaries(
  executor: Executor,
  rows: readonly ValuationRow[],
  today: string,
): Promise<ValuationSummaryView[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.organisationId, r.enterpriseId]))];
  const orgs = await executor
    .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, orgIds));
  const nameOf = new Map(orgs.map((o) => [o.id, o.nameZh]));
  const assetRows = await executor
    .select({
      valuationId: tables.valuationAssets.valuationId,
      assetId: tables.valuationAssets.assetId,
      valueFen: tables.valuationAssets.valueFen,
      number: tables.ipAssets.number,
    })
    .from(tables.valuationAssets)
    .innerJoin(tables.ipAssets, eq(tables.ipAssets.id, tables.valuationAssets.assetId))
    .where(
      inArray(
        tables.valuationAssets.valuationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(tables.valuationAssets.valuationId), asc(tables.valuationAssets.position));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind as ValuationKind,
    scenario: row.scenario,
    organisation: { id: row.organisationId, name: nameOf.get(row.organisationId) ?? '' },
    enterprise: { id: row.enterpriseId, name: nameOf.get(row.enterpriseId) ?? '' },
    valuationDate: row.valuationDate,
    validUntil: row.validUntil,
    valid: row.validUntil >= today,
    method: row.method,
    valueYuan: formatYuan(row.valueFen),
    pledgeValueYuan: formatYuan(row.pledgeValueFen),
    maxLoanYuan: formatYuan(row.maxLoanFen),
    assets: assetRows
      .filter((a) => a.valuationId === row.id)
      .map((a) => ({ assetId: a.assetId, number: a.number, valueYuan: formatYuan(a.valueFen) })),
    createdAt: row.createdAt.toISOString(),
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The market approach's comparables as the detail shows them: each with its price and adjustment factors as
 * entered (the inputs), its adjusted price and weight (the results), and the trade record it refers to when its
 * id is a completed trade's (`ip_trades`, e.g. picked from the trade comparables of the asset).
 */
async function withComparableDetails(
  executor: Executor,
  results: readonly ValuationAssetResult[],
  stored: Record<string, unknown>,
): Promise<ValuationAssetResult[]> {
  const inputs = stored as { readonly assets?: readonly ValuationAssetInput[] };
  const ids = [
    ...new Set(
      results.flatMap((r) =>
        (r.market?.comparables ?? []).map((c) => c.comparableId).filter((id) => UUID.test(id)),
      ),
    ),
  ];
  const trades =
    ids.length === 0
      ? []
      : await executor
          .select({
            id: tables.ipTrades.id,
            assetNumber: tables.ipTrades.assetNumber,
            assetTitle: tables.ipTrades.assetTitle,
            tradeDate: tables.ipTrades.tradeDate,
            kind: tables.ipTrades.kind,
            source: tables.ipTrades.source,
          })
          .from(tables.ipTrades)
          .where(inArray(tables.ipTrades.id, ids));
  const tradeOf = new Map<string, ComparableTradeView>(
    trades.map((t) => [
      t.id,
      {
        tradeId: t.id,
        assetNumber: t.assetNumber,
        assetTitle: t.assetTitle,
        tradeDate: t.tradeDate,
        tradeKind: t.kind,
        source: t.source,
      },
    ]),
  );
  return results.map((result) => {
    if (result.market === undefined) return result;
    const entered = inputs.assets?.find((a) => a.assetId === result.assetId)?.market?.comparables ?? [];
    return {
      ...result,
      market: {
        comparables: result.market.comparables.map((c, i) => {
          const input = entered[i]?.comparableId === c.comparableId ? entered[i] : undefined;
          return {
            ...c,
            ...(input === undefined
              ? {}
              : {
                  kind: input.kind,
                  priceYuan: input.priceYuan,
                  factors: {
                    time: input.timeFactorPct ?? null,
                    size: input.sizeFactorPct ?? null,
                    technology: input.technologyFactorPct ?? null,
                    terms: input.termsFactorPct ?? null,
                  },
                }),
            trade: tradeOf.get(c.comparableId) ?? null,
          };
        }),
      },
    };
  });
}

/** 估值详情: the summary plus the formal report's particulars, every asset's figures and the inputs verbatim. */
export async function toValuationDetail(
  executor: Executor,
  row: ValuationRow,
  today: string,
): Promise<ValuationView> {
  const [summary] = await toValuationSummaries(executor, [row], today);
  const results = row.results as unknown as StoredValuationResults;
  return {
    ...summary!,
    evaluationFirmName: row.evaluationFirmName,
    reportNumber: row.reportNumber,
    signedOn: row.signedOn,
    valuers: row.valuers,
    lowYuan: formatYuan(row.lowFen),
    highYuan: formatYuan(row.highFen),
    licencesYuan: results.licencesYuan,
    pledgeRatioPct: results.pledgeRatioPct,
    maxPledgeRatePct: results.maxPledgeRatePct,
    rangeBasis: results.rangeBasis,
    assetResults: await withComparableDetails(executor, results.assets, row.inputs),
    inputs: row.inputs,
    note: row.note,
  };
}
