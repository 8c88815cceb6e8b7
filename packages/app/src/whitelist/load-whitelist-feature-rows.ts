import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { WhitelistFeatureRow } from '@ipf/domain/whitelist';
import { tables, type Executor } from '@ipf/db';
import { findValidProgrammeOptIns } from './find-valid-programme-opt-ins.ts';

const PATENT_KINDS = ['invention_patent', 'utility_model_patent', 'design_patent'];

/** Three years before an ISO date (29 Feb → 28 Feb). */
function threeYearsBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - 3, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * 白名单特征 of the enterprises that opted in (issue 10 items 1, 2), full fidelity, as of `asOfDate`: those with a
 * programme consent to `bureauId` granted by `at`, not revoked by then and not expired on `asOfDate`
 * (`findValidProgrammeOptIns`). Features from the registry and the ledger: district, cluster, size class,
 * founding year (never the date), head-count, 高新/专精特新 flags, registered capital in 万元, valid invention patents and valid patents (granted, not past
 * expiry), patents granted in the last three years, the latest valuation on record valid that day (mean of its
 * assets' 指标评分, rounded; null without one) and the overdue count (instalments overdue now or paid late).
 * Sorted by enterprise id.
 */
export async function loadWhitelistFeatureRows(
  executor: Executor,
  input: { readonly bureauId: string; readonly asOfDate: string; readonly at: Date },
): Promise<WhitelistFeatureRow[]> {
  const optedIn = findValidProgrammeOptIns(executor, input);
  const e = tables.enterprises;
  const base = await executor
    .select({
      enterpriseId: e.organisationId,
      district: e.district,
      cluster: e.cluster,
      sizeClass: e.sizeClass,
      foundedOn: e.foundedOn,
      employees: e.employees,
      highTech: e.highTech,
      specialised: e.specialised,
      registeredCapitalFen: e.registeredCapitalFen,
    })
    .from(e)
    .where(inArray(e.organisationId, optedIn))
    .orderBy(asc(e.organisationId));
  if (base.length === 0) return [];

  const a = tables.ipAssets;
  const o = tables.ipAssetOwners;
  const valid = sql`${a.legalStatus} = 'granted' and (${a.expiryDate} is null or ${a.expiryDate} >= ${input.asOfDate})`;
  const patents = await executor
    .select({
      enterpriseId: o.enterpriseId,
      validInvention:
        sql<number>`count(distinct ${a.id}) filter (where ${a.kind} = 'invention_patent' and ${valid})`.mapWith(
          Number,
        ),
      validPatents: sql<number>`count(distinct ${a.id}) filter (where ${valid})`.mapWith(Number),
      granted3y:
        sql<number>`count(distinct ${a.id}) filter (where ${a.grantDate} > ${threeYearsBefore(input.asOfDate)} and ${a.grantDate} <= ${input.asOfDate})`.mapWith(
          Number,
        ),
    })
    .from(o)
    .innerJoin(a, eq(a.id, o.assetId))
    .where(and(inArray(o.enterpriseId, optedIn), inArray(a.kind, PATENT_KINDS)))
    .groupBy(o.enterpriseId);

  const v = tables.valuations;
  const latest = await executor
    .selectDistinctOn([v.enterpriseId], { id: v.id, enterpriseId: v.enterpriseId })
    .from(v)
    .where(
      and(
        inArray(v.enterpriseId, optedIn),
        lte(v.valuationDate, input.asOfDate),
        gte(v.validUntil, input.asOfDate),
      ),
    )
    .orderBy(v.enterpriseId, desc(v.valuationDate), desc(v.createdAt));
  const va = tables.valuationAssets;
  const scores =
    latest.length === 0
      ? []
      : await executor
          .select({
            valuationId: va.valuationId,
            score: sql<string | null>`round(avg(${va.overallScore}::numeric))::text`,
          })
          .from(va)
          .where(
            inArray(
              va.valuationId,
              latest.map((l) => l.id),
            ),
          )
          .groupBy(va.valuationId);

  const la = tables.loanAccounts;
  const li = tables.loanInstallments;
  const overdue = await executor
    .select({ enterpriseId: la.enterpriseId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(li)
    .innerJoin(la, eq(la.id, li.loanAccountId))
    .where(
      and(
        inArray(la.enterpriseId, optedIn),
        or(eq(li.status, 'overdue'), sql`${li.paidDate} > ${li.dueDate}`),
      ),
    )
    .groupBy(la.enterpriseId);

  const patentsOf = new Map(patents.map((p) => [p.enterpriseId, p]));
  const scoreOfValuation = new Map(scores.map((s) => [s.valuationId, s.score]));
  const scoreOf = new Map(latest.map((l) => [l.enterpriseId, scoreOfValuation.get(l.id) ?? null]));
  const overdueOf = new Map(overdue.map((r) => [r.enterpriseId, r.n]));
  return base.map((b) => {
    const p = patentsOf.get(b.enterpriseId);
    const score = scoreOf.get(b.enterpriseId) ?? null;
    return {
      enterpriseId: b.enterpriseId,
      district: b.district,
      cluster: b.cluster,
      sizeClass: b.sizeClass,
      foundedYear: Number(b.foundedOn.slice(0, 4)),
      employees: b.employees,
      highTech: b.highTech,
      specialised: b.specialised,
      validInventionPatents: p?.validInvention ?? 0,
      validPatents: p?.validPatents ?? 0,
      valuationScore: score === null ? null : Number(score),
      patentGrowth3y: p?.granted3y ?? 0,
      // 万元 with two decimals (fen ÷ 1 000 000, truncated to the hundred yuan): a feature, never an amount.
      registeredCapitalWan: Number(b.registeredCapitalFen / 10_000n) / 100,
      overdueCount: overdueOf.get(b.enterpriseId) ?? 0,
    };
  });
}
