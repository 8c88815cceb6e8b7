import { and, asc, count, desc } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { ipAssetSearchConditions, type IpAssetSearchCriteria } from './ip-asset-search.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { loadIpAssetOwners, toIpAssetSummary, type IpAssetSummary } from './ip-asset-view.ts';

export interface FindIpAssetsInput extends PageInput, IpAssetSearchCriteria {}

/**
 * 我的知识产权 / 知识产权检索: assets the actor may see (through their owner enterprises), searched by number,
 * title, owner, class, status, kind, flag or health indicator; newest first, then by number.
 */
export async function findIpAssets(
  input: FindIpAssetsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<IpAssetSummary>> {
  const scope = authorize(actor, 'ip_asset.list');
  const today = toShanghaiDate(deps.clock.now());
  const where = and(ipAssetVisibility(actor, scope, today), ...ipAssetSearchConditions(input, today));
  const { ipAssets } = tables;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(ipAssets)
      .where(where)
      .orderBy(desc(ipAssets.createdAt), asc(ipAssets.kind), asc(ipAssets.number))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(ipAssets).where(where),
  ]);
  const owners = await loadIpAssetOwners(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toIpAssetSummary(r, owners.get(r.id) ?? [], today)),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
