import { asc, count, eq, inArray, sum } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import { loadOrganisationNames } from './risk-sharing-views.ts';

type PoolRow = typeof tables.riskPools.$inferSelect;

export interface PoolMemberView {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly fromDate: string;
  readonly toDate: string | null;
}

/** 风险补偿资金池 with the budget and use of one year, its members and what is filed into it. */
export interface RiskPoolView {
  readonly id: string;
  readonly organisationId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: string;
  readonly district: string | null;
  readonly fundSizeYuan: string;
  readonly ratios: { loanCategory: string; ratioBps: number; source: string }[];
  readonly ratiosEffectiveDate: string;
  readonly lossBase: string;
  readonly budgetYear: number;
  readonly budgetYuan: string;
  readonly usedYuan: string;
  readonly remainingYuan: string;
  readonly members: PoolMemberView[];
  readonly filings: number;
  readonly filedPrincipalYuan: string;
  readonly version: number;
}

/** Views of pools for `budgetYear` (a year without a budget row shows 0). */
export async function toRiskPoolViews(
  executor: Executor,
  pools: readonly PoolRow[],
  budgetYear: number,
): Promise<RiskPoolView[]> {
  if (pools.length === 0) return [];
  const ids = pools.map((p) => p.id);
  const { riskPoolBudgets, riskPoolMemberships, riskPoolFilings, organisations } = tables;
  const budgets = await executor.select().from(riskPoolBudgets).where(inArray(riskPoolBudgets.poolId, ids));
  const members = await executor
    .select()
    .from(riskPoolMemberships)
    .where(inArray(riskPoolMemberships.poolId, ids))
    .orderBy(asc(riskPoolMemberships.fromDate), asc(riskPoolMemberships.id));
  const filings = await executor
    .select({ poolId: riskPoolFilings.poolId, n: count(), principal: sum(riskPoolFilings.principalFen) })
    .from(riskPoolFilings)
    .where(inArray(riskPoolFilings.poolId, ids))
    .groupBy(riskPoolFilings.poolId);
  const orgs = await executor
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
    .from(organisations)
    .where(
      inArray(
        organisations.id,
        pools.map((p) => p.organisationId),
      ),
    );
  const bankNames = await loadOrganisationNames(
    executor,
    members.map((m) => m.bankId),
  );
  return pools.map((pool) => {
    const org = orgs.find((o) => o.id === pool.organisationId);
    const budget = budgets.find((b) => b.poolId === pool.id && b.year === budgetYear);
    const filed = filings.find((f) => f.poolId === pool.id);
    const budgetFen = budget?.budgetFen ?? 0n;
    const usedFen = budget?.usedFen ?? 0n;
    return {
      id: pool.id,
      organisationId: pool.organisationId,
      nameZh: org?.nameZh ?? '',
      nameEn: org?.nameEn ?? '',
      level: pool.level,
      district: pool.district,
      fundSizeYuan: formatYuan(pool.fundSizeFen),
      ratios: pool.ratios.map((r) => ({ ...r, ratioBps: Number(r.ratioBps) })),
      ratiosEffectiveDate: pool.ratiosEffectiveDate,
      lossBase: pool.lossBase,
      budgetYear,
      budgetYuan: formatYuan(budgetFen),
      usedYuan: formatYuan(usedFen),
      remainingYuan: formatYuan(budgetFen - usedFen),
      members: members
        .filter((m) => m.poolId === pool.id)
        .map((m) => ({
          id: m.id,
          bankId: m.bankId,
          bankName: bankNames.get(m.bankId) ?? '',
          fromDate: m.fromDate,
          toDate: m.toDate,
        })),
      filings: Number(filed?.n ?? 0),
      filedPrincipalYuan: formatYuan(BigInt(filed?.principal ?? '0')),
      version: pool.version,
    };
  });
}

/** One pool the actor administers (`own_org`: its own pool organisation) or may read (`all`), else NOT_FOUND. */
export async function findPoolRow(
  executor: Executor,
  poolId: string,
  scope: 'all' | 'own_org',
  organisationId: string,
): Promise<PoolRow | undefined> {
  const [pool] = await executor.select().from(tables.riskPools).where(eq(tables.riskPools.id, poolId));
  if (pool === undefined || (scope === 'own_org' && pool.organisationId !== organisationId)) return undefined;
  return pool;
}
