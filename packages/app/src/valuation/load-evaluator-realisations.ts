import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { addMonths } from '@ipf/domain/calendar';
import { formatYuan } from '@ipf/domain/money';
import type { RealisedValue } from '@ipf/domain/valuation';
import { tables, type Executor } from '@ipf/db';

/** How long after its valuation date a formal report is still compared with a realised price. */
export const REALISATION_WINDOW_MONTHS = 24;

/** Trade kinds whose price is a price of the right itself (a non-exclusive licence sells a fraction of it). */
const REALISING_TRADE_KINDS = ['sale', 'exclusive_licence'];

/** Disposal paths that sell the pledged rights for a price (a reverse licence and a debt-to-equity swap do not). */
const REALISING_DISPOSAL_PATHS = ['auction', 'transfer'];
const DISPOSAL_PRICED_STATES = ['proceeds_received', 'distributed', 'closed'];

/** 价值实现 on the wire: one realised price paired with the formal report it judges. */
export interface EvaluatorRealisationView {
  readonly kind: 'trade' | 'disposal';
  readonly valuationId: string;
  readonly valuationNumber: string;
  readonly reportNumber: string | null;
  readonly valuationDate: string;
  /** The valued assets' numbers (a disposal sells the case's pledged assets together). */
  readonly assetNumbers: string[];
  /** Market value (trade) or pledge value (disposal) reported, yuan. */
  readonly reportedValueYuan: string;
  readonly realisedDate: string;
  readonly realisedPriceYuan: string;
  /** `(reported − realised) ÷ realised`, percent, two decimals half up, signed (positive: over-valued). */
  readonly deviationPct: string;
  readonly reportedValueFen: bigint;
  readonly realisedPriceFen: bigint;
}

/** Signed `(a − b) ÷ b` in percent with two decimals, half up on the magnitude; `b` is positive. */
function formatDeviationPct(reportedFen: bigint, realisedFen: bigint): string {
  const gap = reportedFen - realisedFen;
  const magnitude = gap < 0n ? -gap : gap;
  const hundredths = (magnitude * 20_000n + realisedFen) / (2n * realisedFen);
  const text = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
  return gap < 0n && hundredths > 0n ? `-${text}` : text;
}

/** The last day a formal report of `valuationDate` is compared with a realised price. */
function windowEnd(valuationDate: string): string {
  return addMonths(valuationDate, REALISATION_WINDOW_MONTHS);
}

/**
 * 价值实现配对 (realised prices paired with the admitted firms' formal reports), the deviation part of the
 * evaluator quality score (issue 7 item 6: "how its reported values — market value for trades, liquidation/pledge
 * value for disposals — compare with realised prices"). The pairing rule:
 *
 * - **Trade**: a completed trade in `ip_trades` of an asset on the platform, kind `sale` 转让 or
 *   `exclusive_licence` 独占许可 (a non-exclusive licence sells only a share of the right), with a price. It is
 *   compared with the asset's market value (`valuation_assets.value_fen`) in the latest formal report of that
 *   asset — by any firm — whose valuation date is before the trade date and no more than 24 months before it.
 *   The price realised judges the value the market last relied on; an older report of the same asset is not
 *   judged again.
 * - **Disposal**: a disposition case sold by auction 拍卖 or transfer 转让 with proceeds received (state
 *   `proceeds_received`, `distributed` or `closed`); its proceeds (`disposition_cases.proceeds_fen`) are compared
 *   with the pledge value (`valuations.pledge_value_fen`) of the formal report the case's pledge rate last used
 *   (its latest value or revaluation step with a valuation on record, see `recordValueEvaluation` and
 *   `recordPledgeRevaluation`), if the proceeds were received within 24 months of that report's valuation date.
 *   Reverse licences and debt-to-equity swaps realise no sale price and are left out.
 *
 * Only realisations priced above zero count. Returns, per firm (organisation id), its realisations, newest first.
 */
export async function loadEvaluatorRealisations(
  executor: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, EvaluatorRealisationView[]>> {
  const result = new Map<string, EvaluatorRealisationView[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return result;
  const { valuations, valuationAssets, ipAssets, ipTrades } = tables;

  // The firms' formal reports and the assets they value.
  const ownReports = await executor
    .select({ assetId: valuationAssets.assetId })
    .from(valuationAssets)
    .innerJoin(valuations, eq(valuations.id, valuationAssets.valuationId))
    .where(
      and(eq(valuations.kind, 'formal_report'), inArray(valuations.organisationId, [...organisationIds])),
    );
  const assetIds = [...new Set(ownReports.map((r) => r.assetId))];

  if (assetIds.length > 0) {
    // Every formal report of those assets (another firm's later report takes the trade from an earlier one).
    const reports = await executor
      .select({
        valuationId: valuations.id,
        organisationId: valuations.organisationId,
        number: valuations.number,
        reportNumber: valuations.reportNumber,
        valuationDate: valuations.valuationDate,
        createdAt: valuations.createdAt,
        assetId: valuationAssets.assetId,
        assetNumber: ipAssets.number,
        valueFen: valuationAssets.valueFen,
      })
      .from(valuationAssets)
      .innerJoin(valuations, eq(valuations.id, valuationAssets.valuationId))
      .innerJoin(ipAssets, eq(ipAssets.id, valuationAssets.assetId))
      .where(and(eq(valuations.kind, 'formal_report'), inArray(valuationAssets.assetId, assetIds)))
      .orderBy(desc(valuations.valuationDate), desc(valuations.createdAt));
    const trades = await executor
      .select({ assetId: ipTrades.assetId, priceFen: ipTrades.priceFen, tradeDate: ipTrades.tradeDate })
      .from(ipTrades)
      .where(
        and(
          inArray(ipTrades.assetId, assetIds),
          inArray(ipTrades.kind, REALISING_TRADE_KINDS),
          isNotNull(ipTrades.priceFen),
          sql`${ipTrades.priceFen} > 0`,
        ),
      );
    for (const trade of trades) {
      // Newest first: the first report before the trade is the latest one.
      const report = reports.find((r) => r.assetId === trade.assetId && r.valuationDate < trade.tradeDate);
      if (report === undefined || trade.tradeDate > windowEnd(report.valuationDate)) continue;
      result.get(report.organisationId)?.push({
        kind: 'trade',
        valuationId: report.valuationId,
        valuationNumber: report.number,
        reportNumber: report.reportNumber,
        valuationDate: report.valuationDate,
        assetNumbers: [report.assetNumber],
        reportedValueYuan: formatYuan(report.valueFen),
        realisedDate: trade.tradeDate,
        realisedPriceYuan: formatYuan(trade.priceFen!),
        deviationPct: formatDeviationPct(report.valueFen, trade.priceFen!),
        reportedValueFen: report.valueFen,
        realisedPriceFen: trade.priceFen!,
      });
    }
  }

  for (const disposal of await loadDisposalRealisations(executor, organisationIds))
    result.get(disposal.organisationId)?.push(disposal.view);
  for (const list of result.values())
    list.sort((a, b) => (a.realisedDate < b.realisedDate ? 1 : a.realisedDate > b.realisedDate ? -1 : 0));
  return result;
}

/** Disposals sold for a price, each with the formal report (of one of the firms) that the case last relied on. */
async function loadDisposalRealisations(
  executor: Executor,
  organisationIds: readonly string[],
): Promise<{ organisationId: string; view: EvaluatorRealisationView }[]> {
  const { dispositionCases, dispositionProceeds, caseEvaluations, valuations, valuationAssets, ipAssets } =
    tables;
  const disposals = await executor
    .select({
      id: dispositionCases.id,
      caseId: dispositionCases.caseId,
      proceedsFen: dispositionCases.proceedsFen,
      receivedDate: sql<string>`(select max(${dispositionProceeds.receivedDate})::text from ${dispositionProceeds} where ${dispositionProceeds.dispositionId} = ${dispositionCases.id})`,
    })
    .from(dispositionCases)
    .where(
      and(
        inArray(dispositionCases.path, REALISING_DISPOSAL_PATHS),
        inArray(dispositionCases.state, DISPOSAL_PRICED_STATES),
        sql`${dispositionCases.proceedsFen} > 0`,
      ),
    );
  if (disposals.length === 0) return [];
  const steps = await executor
    .select({
      caseId: caseEvaluations.caseId,
      valuationId: valuations.id,
      organisationId: valuations.organisationId,
      number: valuations.number,
      reportNumber: valuations.reportNumber,
      kind: valuations.kind,
      valuationDate: valuations.valuationDate,
      pledgeValueFen: valuations.pledgeValueFen,
    })
    .from(caseEvaluations)
    .innerJoin(valuations, eq(valuations.id, caseEvaluations.valuationId))
    .where(
      and(
        inArray(
          caseEvaluations.caseId,
          disposals.map((d) => d.caseId),
        ),
        inArray(caseEvaluations.step, ['value', 'revaluation']),
      ),
    )
    .orderBy(desc(caseEvaluations.recordedAt));
  const out: { organisationId: string; view: EvaluatorRealisationView }[] = [];
  for (const disposal of disposals) {
    if (disposal.receivedDate === null) continue;
    // The value the pledge rate last used: the newest step with a valuation on record before the proceeds.
    const step = steps.find((s) => s.caseId === disposal.caseId && s.valuationDate < disposal.receivedDate);
    if (step === undefined || step.kind !== 'formal_report' || !organisationIds.includes(step.organisationId))
      continue;
    if (disposal.receivedDate > windowEnd(step.valuationDate)) continue;
    const numbers = await executor
      .select({ number: ipAssets.number })
      .from(valuationAssets)
      .innerJoin(ipAssets, eq(ipAssets.id, valuationAssets.assetId))
      .where(eq(valuationAssets.valuationId, step.valuationId))
      .orderBy(valuationAssets.position);
    out.push({
      organisationId: step.organisationId,
      view: {
        kind: 'disposal',
        valuationId: step.valuationId,
        valuationNumber: step.number,
        reportNumber: step.reportNumber,
        valuationDate: step.valuationDate,
        assetNumbers: numbers.map((n) => n.number),
        reportedValueYuan: formatYuan(step.pledgeValueFen),
        realisedDate: disposal.receivedDate,
        realisedPriceYuan: formatYuan(disposal.proceedsFen),
        deviationPct: formatDeviationPct(step.pledgeValueFen, disposal.proceedsFen),
        reportedValueFen: step.pledgeValueFen,
        realisedPriceFen: disposal.proceedsFen,
      },
    });
  }
  return out;
}

/** The realisations as the domain's quality score reads them. */
export function toRealisedValues(views: readonly EvaluatorRealisationView[]): RealisedValue[] {
  return views.map((v) => ({
    kind: v.kind,
    reportedValueFen: v.reportedValueFen,
    realisedPriceFen: v.realisedPriceFen,
  }));
}
