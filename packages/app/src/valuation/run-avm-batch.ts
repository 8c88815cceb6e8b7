import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import {
  AVM_PARAMETERS_2024,
  calculateAvmBatch,
  createAvmColumns,
  createAvmOutput,
  derivePatentScoringFacts,
  prepareAvmModel,
  prepareAvmModelForUnknownFacts,
  setAvmFacts,
  unknownAvmFactsMask,
  type ClaimKinds,
  type LitigationState,
  type PatentFactsSupplement,
  type PatentScoringFacts,
} from '@ipf/domain/valuation';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { ipAssetVisibility } from '../ip-assets/ip-asset-visibility.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadValuationAssets } from './load-valuation-assets.ts';
import { recordAvmRun, type AvmRunSource } from './record-avm-run.ts';
import type { ValuationAssetInput } from './valuation-input.ts';
import { valuationVisibility } from './valuation-visibility.ts';

const SCORED_KINDS = ['invention_patent', 'utility_model_patent'];
/** Assets read per query: the registry is read in id order, page by page, however large it is. */
const LOAD_PAGE_ROWS = 1000;
const MAX_PAGE_SIZE = 500;

/** Which assets a batch covers: one enterprise's portfolio, a list of assets, or (neither) the whole registry. */
export interface AvmBatchScope {
  readonly enterpriseId?: string;
  readonly assetIds?: readonly string[];
}

export interface AvmBatchInput extends AvmBatchScope {
  readonly page?: number;
  readonly pageSize?: number;
  /** Recorded with the run (`avm_runs`): the page and API (default) or the xlsx export. */
  readonly source?: Exclude<AvmRunSource, 'cli'>;
}

/** One patent's automated score and value (a pre-assessment, not a signed report). */
export interface AvmBatchItem {
  readonly assetId: string;
  readonly number: string;
  readonly title: string;
  readonly kind: string;
  readonly ownerNames: readonly string[];
  readonly score: string;
  readonly scoreHundredths: number;
  readonly band: string;
  readonly valueYuan: string;
  readonly valueFen: bigint;
  /** Whether the revenue fact was known: without it the income approach has nothing to value (0). */
  readonly revenueKnown: boolean;
  /** Indicators scored at the default 50 because their data is missing. */
  readonly unknownFacts: readonly string[];
}

export interface AvmBatchGroup {
  readonly key: string;
  readonly count: number;
  readonly valueYuan: string;
}

export interface AvmBatchResult {
  readonly scope: 'enterprise' | 'assets' | 'registry';
  readonly count: number;
  readonly asOfDate: string;
  readonly parametersVersion: string;
  readonly weightTableVersion: string;
  readonly totalValueYuan: string;
  readonly meanScore: string;
  readonly revenueKnownCount: number;
  readonly byBand: readonly AvmBatchGroup[];
  readonly byKind: readonly AvmBatchGroup[];
  /** FNV-1a 32 fold of every (score, value low 32 bits) in asset id order, as the benchmark folds. */
  readonly checksum: string;
  readonly loadMs: number;
  readonly scoreMs: number;
  readonly elapsedMs: number;
  readonly page: number;
  readonly pageSize: number;
  /** Sorted by value (highest first), then score, then number. */
  readonly items: readonly AvmBatchItem[];
  /** Every item (same order), for the export; not sent on the wire. */
  readonly allItems: readonly AvmBatchItem[];
  /** The stored run (`avm_runs`); null for a later page of a run, which only recomputes it to show that page. */
  readonly runId: string | null;
}

const FACT_NAMES = [
  'ipcSubclassCount',
  'familySize',
  'claimsCount',
  'claimKinds',
  'forwardCitations',
  'annualRevenueFen',
] as const;

interface LoadedPatent {
  readonly assetId: string;
  readonly number: string;
  readonly title: string;
  readonly kind: string;
  readonly ownerNames: readonly string[];
  readonly facts: PatentScoringFacts;
  readonly mask: number;
}

/** The supplementary facts as a valuation's inputs hold them (`ValuationAssetInput['facts']`). */
function toSupplement(facts: ValuationAssetInput['facts']): PatentFactsSupplement {
  if (facts === undefined) return {};
  return {
    ...(facts.familySize === undefined ? {} : { familySize: facts.familySize }),
    ...(facts.claimsCount === undefined ? {} : { claimsCount: facts.claimsCount }),
    ...(facts.claimKinds === undefined ? {} : { claimKinds: facts.claimKinds as ClaimKinds }),
    ...(facts.forwardCitations === undefined ? {} : { forwardCitations: facts.forwardCitations }),
    // Below 2⁵³ fen by the YuanString pattern (15 integer digits).
    ...(facts.annualRevenueYuan === undefined
      ? {}
      : { annualRevenueFen: Number(parseYuan(facts.annualRevenueYuan)) }),
    ...(facts.priorFinancingCount === undefined ? {} : { priorFinancingCount: facts.priorFinancingCount }),
    ...(facts.litigation === undefined ? {} : { litigation: facts.litigation as LitigationState }),
  };
}

/**
 * 补充事实 (supplementary facts: family, claims, citations, revenue …) of each asset from its latest valuation on
 * or before `asOfDate` that the caller may see (`visible`, on `valuations`): the registry does not hold them, an
 * evaluator or the enterprise entered them with that valuation. Assets never valued get none.
 */
async function loadLatestSupplements(
  db: Executor,
  assetIds: readonly string[],
  asOfDate: string,
  visible: SQL,
): Promise<Map<string, PatentFactsSupplement>> {
  const { valuations, valuationAssets } = tables;
  const rows = await db
    .select({ assetId: valuationAssets.assetId, inputs: valuations.inputs })
    .from(valuationAssets)
    .innerJoin(valuations, eq(valuations.id, valuationAssets.valuationId))
    .where(
      and(inArray(valuationAssets.assetId, [...assetIds]), lte(valuations.valuationDate, asOfDate), visible),
    )
    .orderBy(desc(valuations.valuationDate), desc(valuations.createdAt));
  const result = new Map<string, PatentFactsSupplement>();
  for (const row of rows) {
    if (result.has(row.assetId)) continue;
    const assets = (row.inputs as { assets?: readonly ValuationAssetInput[] }).assets ?? [];
    const input = assets.find((a) => a.assetId === row.assetId);
    result.set(row.assetId, toSupplement(input?.facts));
  }
  return result;
}

/**
 * Reads the invention and utility-model patents matching `condition` in id order, a page at a time, and
 * derives each one's scoring facts as of `asOfDate` with `derivePatentScoringFacts` (the single-asset rules).
 */
async function loadPatents(
  db: Executor,
  condition: SQL,
  asOfDate: string,
  supplementsVisible: SQL,
): Promise<LoadedPatent[]> {
  const { ipAssets } = tables;
  const loaded: LoadedPatent[] = [];
  let lastId: string | null = null;
  for (;;) {
    const rows: { id: string }[] = await db
      .select({ id: ipAssets.id })
      .from(ipAssets)
      .where(
        and(
          inArray(ipAssets.kind, SCORED_KINDS),
          condition,
          ...(lastId === null ? [] : [gt(ipAssets.id, lastId)]),
        ),
      )
      .orderBy(asc(ipAssets.id))
      .limit(LOAD_PAGE_ROWS);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const assets = await loadValuationAssets(db, ids, sql`true`);
    const supplements = await loadLatestSupplements(db, ids, asOfDate, supplementsVisible);
    for (const id of ids) {
      const found = assets.get(id);
      if (found === undefined) continue;
      const facts = derivePatentScoringFacts(found.asset, asOfDate, supplements.get(id));
      loaded.push({
        assetId: id,
        number: found.asset.number,
        title: found.asset.title,
        kind: found.asset.kind,
        ownerNames: found.asset.owners.map((o) => o.name),
        facts,
        mask: unknownAvmFactsMask(facts),
      });
    }
    lastId = ids[ids.length - 1]!;
    if (rows.length < LOAD_PAGE_ROWS) break;
  }
  return loaded;
}

const bandOf = (scoreHundredths: number): string =>
  scoreHundredths >= 8000 ? 'high' : scoreHundredths >= 6000 ? 'medium' : 'low';

/**
 * Scores and values the loaded patents with one prepared model: the patents are laid out in the AVM columns
 * grouped by which facts they lack (each group a contiguous slot range), and `calculateAvmBatch` runs over each
 * range with the model for that group (`prepareAvmModelForUnknownFacts`), so every result equals the exact
 * single-asset path (`calculatePatentScore`, then royalty relief at the band's rates).
 */
export function scoreAvmBatch(
  patents: readonly LoadedPatent[],
  asOfDate: string,
  scope: AvmBatchResult['scope'],
  page: { readonly page: number; readonly pageSize: number },
  loadMs: number,
): AvmBatchResult {
  const started = performance.now();
  const order = patents.map((_, i) => i).sort((a, b) => patents[a]!.mask - patents[b]!.mask || a - b);
  const columns = createAvmColumns(patents.length);
  order.forEach((source, slot) => setAvmFacts(columns, slot, patents[source]!.facts));
  const model = prepareAvmModel(AVM_PARAMETERS_2024);
  const output = createAvmOutput(patents.length);
  let from = 0;
  while (from < order.length) {
    const mask = patents[order[from]!]!.mask;
    let to = from + 1;
    while (to < order.length && patents[order[to]!]!.mask === mask) to += 1;
    calculateAvmBatch(columns, prepareAvmModelForUnknownFacts(model, mask), output, from, to);
    from = to;
  }
  const slotOf = new Int32Array(patents.length);
  order.forEach((source, slot) => (slotOf[source] = slot));

  // Fold in asset id order (the load order), like the benchmark folds its slots.
  let hash = 0x811c9dc5;
  let scoreSum = 0;
  let totalFen = 0n;
  let revenueKnownCount = 0;
  const bands = new Map<string, { count: number; fen: bigint }>();
  const kinds = new Map<string, { count: number; fen: bigint }>();
  const items: AvmBatchItem[] = patents.map((p, i) => {
    const slot = slotOf[i]!;
    const score = output.scoreHundredths[slot]!;
    const value = output.valueFen[slot]!;
    hash = Math.imul(hash ^ score, 0x01000193) >>> 0;
    hash = Math.imul(hash ^ Number(value & 0xffffffffn), 0x01000193) >>> 0;
    scoreSum += score;
    totalFen += value;
    if (p.facts.annualRevenueFen !== null) revenueKnownCount += 1;
    const band = bandOf(score);
    for (const [map, key] of [
      [bands, band],
      [kinds, p.kind],
    ] as const) {
      const group = map.get(key) ?? { count: 0, fen: 0n };
      group.count += 1;
      group.fen += value;
      map.set(key, group);
    }
    return {
      assetId: p.assetId,
      number: p.number,
      title: p.title,
      kind: p.kind,
      ownerNames: p.ownerNames,
      score: (score / 100).toFixed(2),
      scoreHundredths: score,
      band,
      valueYuan: formatYuan(value),
      valueFen: value,
      revenueKnown: p.facts.annualRevenueFen !== null,
      unknownFacts: FACT_NAMES.filter((_, bit) => (p.mask & (1 << bit)) !== 0),
    };
  });
  const sorted = [...items].sort(
    (a, b) =>
      (b.valueFen > a.valueFen ? 1 : b.valueFen < a.valueFen ? -1 : 0) ||
      b.scoreHundredths - a.scoreHundredths ||
      a.number.localeCompare(b.number),
  );
  const scoreMs = performance.now() - started;
  const groups = (map: Map<string, { count: number; fen: bigint }>, keys: readonly string[]) =>
    keys.map((key) => ({
      key,
      count: map.get(key)?.count ?? 0,
      valueYuan: formatYuan(map.get(key)?.fen ?? 0n),
    }));
  const start = (page.page - 1) * page.pageSize;
  return {
    scope,
    count: patents.length,
    asOfDate,
    parametersVersion: AVM_PARAMETERS_2024.version,
    weightTableVersion: AVM_PARAMETERS_2024.weightTable.version,
    totalValueYuan: formatYuan(totalFen),
    meanScore: patents.length === 0 ? '0.00' : (scoreSum / 100 / patents.length).toFixed(2),
    revenueKnownCount,
    byBand: groups(bands, ['high', 'medium', 'low']),
    byKind: groups(kinds, SCORED_KINDS),
    checksum: hash.toString(16).padStart(8, '0'),
    loadMs: Math.round(loadMs),
    scoreMs: Math.round(scoreMs),
    elapsedMs: Math.round(loadMs + scoreMs),
    page: page.page,
    pageSize: page.pageSize,
    items: sorted.slice(start, start + page.pageSize),
    allItems: sorted,
    runId: null,
  };
}

/**
 * 批量估值 (batch AVM, issue 7 item 4) over the platform's own registry as of today (Asia/Shanghai): the
 * invention and utility-model patents of one enterprise's portfolio, of a list of assets, or of the whole
 * registry, read page by page, scored on the GB/T 42748-2023 indicators (financing weights) and valued by
 * royalty relief with the AVM parameters (`AVM_PARAMETERS_2024`). Scope: an enterprise its own portfolio, a
 * bank its customers' (never the whole registry), a district bureau its district, the city bureau and
 * regulators everything; an enterprise outside the scope is NOT_FOUND, assets outside it are left out.
 * The automated values are pre-assessments and are not stored; the run itself is (`recordAvmRun`: who, when,
 * scope, count, timings, summary, audited), except a later page (page > 1), which recomputes the run only to show
 * that page.
 */
export async function runAvmBatch(
  input: AvmBatchInput,
  actor: Actor,
  deps: AppDeps,
): Promise<AvmBatchResult> {
  const scope = authorize(actor, 'valuation.avm_batch');
  const today = toShanghaiDate(deps.clock.now());
  const started = performance.now();
  const startedAt = deps.clock.now();
  const enterpriseId =
    input.enterpriseId ??
    (scope === 'own_org' && input.assetIds === undefined ? actor.organisationId : undefined);
  if (enterpriseId === undefined && input.assetIds === undefined && scope !== 'all' && scope !== 'district')
    throw new DomainError('VALUATION_AVM_SCOPE_NOT_ALLOWED');
  const { ipAssetOwners, enterprises } = tables;
  const conditions: SQL[] = [ipAssetVisibility(actor, scope, today)];
  if (enterpriseId !== undefined) {
    const [enterprise] = await deps.db
      .select({ id: enterprises.organisationId })
      .from(enterprises)
      .where(and(eq(enterprises.organisationId, enterpriseId), enterpriseVisibility(actor, scope, today)));
    if (enterprise === undefined) throw new DomainError('NOT_FOUND');
    conditions.push(
      inArray(
        tables.ipAssets.id,
        deps.db
          .select({ id: ipAssetOwners.assetId })
          .from(ipAssetOwners)
          .where(eq(ipAssetOwners.enterpriseId, enterprise.id)),
      ),
    );
  }
  if (input.assetIds !== undefined) conditions.push(inArray(tables.ipAssets.id, [...input.assetIds]));
  const patents = await loadPatents(
    deps.db,
    and(...conditions)!,
    today,
    valuationVisibility(actor, scope, today),
  );
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, input.pageSize ?? 20));
  const result = scoreAvmBatch(
    patents,
    today,
    enterpriseId !== undefined ? 'enterprise' : input.assetIds !== undefined ? 'assets' : 'registry',
    { page: Math.max(1, input.page ?? 1), pageSize },
    performance.now() - started,
  );
  if (result.page > 1) return result;
  const runId = await recordAvmRun(
    result,
    {
      source: input.source ?? 'api',
      startedAt,
      ...(enterpriseId === undefined ? {} : { enterpriseId }),
      ...(input.assetIds === undefined ? {} : { requestedAssetCount: input.assetIds.length }),
    },
    actor,
    deps,
  );
  return { ...result, runId };
}

/**
 * 批量估值 for the operator's command line (`valuation avm [--enterprise <uscc>]`): the whole registry, or one
 * enterprise's portfolio by its unified social credit code, as of today. No actor: the command runs on the
 * database's host, like the daily job; the HTTP API never calls it.
 */
export async function runRegistryAvmBatch(
  input: { readonly enterpriseUscc?: string; readonly pageSize?: number },
  deps: Pick<AppDeps, 'db' | 'clock'>,
): Promise<AvmBatchResult> {
  const startedAt = deps.clock.now();
  const today = toShanghaiDate(startedAt);
  const started = performance.now();
  const { ipAssets, ipAssetOwners, enterprises } = tables;
  let condition: SQL = inArray(ipAssets.kind, SCORED_KINDS);
  let enterpriseId: string | undefined;
  if (input.enterpriseUscc !== undefined) {
    const [enterprise] = await deps.db
      .select({ id: enterprises.organisationId })
      .from(enterprises)
      .where(eq(enterprises.uscc, input.enterpriseUscc));
    if (enterprise === undefined)
      throw new DomainError('VALUATION_AVM_ENTERPRISE_NOT_FOUND', { uscc: input.enterpriseUscc });
    enterpriseId = enterprise.id;
    condition = inArray(
      ipAssets.id,
      deps.db
        .select({ id: ipAssetOwners.assetId })
        .from(ipAssetOwners)
        .where(eq(ipAssetOwners.enterpriseId, enterprise.id)),
    );
  }
  const patents = await loadPatents(deps.db, condition, today, sql`true`);
  const result = scoreAvmBatch(
    patents,
    today,
    input.enterpriseUscc === undefined ? 'registry' : 'enterprise',
    { page: 1, pageSize: input.pageSize ?? 10 },
    performance.now() - started,
  );
  const runId = await recordAvmRun(
    result,
    { source: 'cli', startedAt, ...(enterpriseId === undefined ? {} : { enterpriseId }) },
    null,
    deps,
  );
  return { ...result, runId };
}
