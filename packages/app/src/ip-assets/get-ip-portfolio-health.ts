import { and, sql } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { healthCondition, ipAssetSearchConditions, type IpAssetSearchCriteria } from './ip-asset-search.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';

/** 资产组合健康度 (portfolio health): how many visible assets need attention, by indicator. */
export interface IpPortfolioHealth {
  readonly total: number;
  readonly inForce: number;
  readonly expiringWithin24Months: number;
  readonly feesDue: number;
  readonly disputed: number;
  readonly asOfDate: string;
}

/** Counts over the same criteria as the list, so the figures match what a click on them shows. */
export async function getIpPortfolioHealth(
  input: Omit<IpAssetSearchCriteria, 'health'>,
  actor: Actor,
  deps: AppDeps,
): Promise<IpPortfolioHealth> {
  const scope = authorize(actor, 'ip_asset.list');
  const today = toShanghaiDate(deps.clock.now());
  const { ipAssets } = tables;
  const counted = (condition: ReturnType<typeof sql>) =>
    sql<number>`cast(count(*) filter (where ${condition}) as integer)`;
  const [row] = await deps.db
    .select({
      total: sql<number>`cast(count(*) as integer)`,
      inForce: counted(sql`${ipAssets.legalStatus} in ('granted', 'registered')`),
      expiring: counted(healthCondition('expiring', today)),
      feesDue: counted(healthCondition('fees_due', today)),
      disputed: counted(healthCondition('disputed', today)),
    })
    .from(ipAssets)
    .where(and(ipAssetVisibility(actor, scope, today), ...ipAssetSearchConditions(input, today)));
  return {
    total: row?.total ?? 0,
    inForce: row?.inForce ?? 0,
    expiringWithin24Months: row?.expiring ?? 0,
    feesDue: row?.feesDue ?? 0,
    disputed: row?.disputed ?? 0,
    asOfDate: today,
  };
}
