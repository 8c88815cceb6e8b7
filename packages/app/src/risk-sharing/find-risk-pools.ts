import { asc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toRiskPoolViews, type RiskPoolView } from './risk-pool-view.ts';

export interface FindRiskPoolsInput {
  /** The budget year shown; this Asia/Shanghai year when absent. */
  readonly year?: number;
}

/**
 * 风险补偿资金池列表: the city and district pools with their ratios, the year's budget, use and what is left, their
 * member banks and filed loans. A pool administrator sees its own pool; banks, bureaus and regulators all.
 * Source: issue 8 item 3; R10.
 */
export async function findRiskPools(
  input: FindRiskPoolsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<{ items: RiskPoolView[] }> {
  const scope = authorize(actor, 'risk_pool.list');
  const { riskPools } = tables;
  const pools = await deps.db
    .select()
    .from(riskPools)
    .where(scope === 'all' ? undefined : eq(riskPools.organisationId, actor.organisationId))
    .orderBy(asc(riskPools.level), asc(riskPools.district), asc(riskPools.id));
  const year = input.year ?? Number(toShanghaiDate(deps.clock.now()).slice(0, 4));
  return { items: await toRiskPoolViews(deps.db, pools, year) };
}
