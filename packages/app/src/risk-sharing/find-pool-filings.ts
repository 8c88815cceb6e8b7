import { and, count, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toPoolFilingViews, type PoolFilingView } from './risk-sharing-views.ts';

export interface FindPoolFilingsInput extends PageInput {
  readonly poolId?: string;
}

const { riskPoolFilings, riskPools, financingCases } = tables;

/**
 * 入池备案列表: a pool administrator the loans filed into its pool, a bank its own cases' filings (by hierarchy),
 * the city bureau and regulators all; newest first. Source: issue 8 items 3, 8; access.md "pool administrator:
 * loans filed into its pool".
 */
export async function findPoolFilings(
  input: FindPoolFilingsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<PoolFilingView>> {
  const scope = authorize(actor, 'risk_pool_filing.list');
  const conditions: SQL[] = [];
  if (actor.organisationKind === 'risk_pool') {
    conditions.push(
      exists(
        sql`(select 1 from ${riskPools} where ${and(eq(riskPools.id, riskPoolFilings.poolId), eq(riskPools.organisationId, actor.organisationId))})`,
      ),
    );
  } else if (scope !== 'all') {
    conditions.push(
      exists(
        sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, riskPoolFilings.caseId), caseVisibility(actor, scope))})`,
      ),
    );
  }
  if (input.poolId !== undefined) conditions.push(eq(riskPoolFilings.poolId, input.poolId));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(riskPoolFilings)
    .where(where)
    .orderBy(desc(riskPoolFilings.filedDate), desc(riskPoolFilings.createdAt), desc(riskPoolFilings.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(riskPoolFilings).where(where);
  return {
    items: await toPoolFilingViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
