import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';

const { ipAssets, ipAssetOwners, enterprises } = tables;

/**
 * The SQL condition on `ip_assets` for an actor's scope: an asset is seen through its owner enterprises, with
 * the same rules as the enterprises themselves (an enterprise its own assets, a bank its customers' assets by
 * hierarchy, a district bureau its district's, supervisors all). A co-owned asset is seen by each owner.
 */
export function ipAssetVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>, today: string): SQL {
  if (scope === 'all') return sql`true`;
  if (scope === 'own_org') {
    return exists(
      sql`(select 1 from ${ipAssetOwners} where ${and(eq(ipAssetOwners.assetId, ipAssets.id), eq(ipAssetOwners.enterpriseId, actor.organisationId))})`,
    );
  }
  return exists(
    sql`(select 1 from ${ipAssetOwners} join ${enterprises} on ${enterprises.organisationId} = ${ipAssetOwners.enterpriseId}
         where ${and(eq(ipAssetOwners.assetId, ipAssets.id), enterpriseVisibility(actor, scope, today))})`,
  );
}
