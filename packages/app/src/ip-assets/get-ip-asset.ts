import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { loadIpAssetDetail, type IpAssetDetail } from './ip-asset-view.ts';

/**
 * 知识产权详情 with its status timeline, licences and health indicators. An asset outside the actor's scope is
 * NOT_FOUND, exactly like one that does not exist (another enterprise's asset, a non-customer's for a bank).
 */
export async function getIpAsset(id: string, actor: Actor, deps: AppDeps): Promise<IpAssetDetail> {
  const scope = authorize(actor, 'ip_asset.read');
  const today = toShanghaiDate(deps.clock.now());
  const [row] = await deps.db
    .select()
    .from(tables.ipAssets)
    .where(and(eq(tables.ipAssets.id, id), ipAssetVisibility(actor, scope, today)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return loadIpAssetDetail(deps.db, row, today);
}
