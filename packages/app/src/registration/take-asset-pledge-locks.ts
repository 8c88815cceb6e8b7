import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import { isUniqueViolation } from '../support/is-unique-violation.ts';

/** The partial unique index that guarantees one live lock per asset (migration 0004). */
const ACTIVE_LOCK_INDEX = 'asset_pledge_locks_active_uq';

/**
 * 质押锁定 (take the asset locks) of a registration, one insert per asset. The partial unique index on `asset_id`
 * where `released_at is null` lets one live lock exist per asset: a second filing, even at the same moment on
 * another connection, waits for the first transaction and then fails with 23505, which becomes ASSET_ALREADY_PLEDGED
 * (409) and rolls the caller's whole transaction back (民法典 art. 444: a pledged right is not pledged again;
 * 《专利权质押登记办法》(2021) ground (9)).
 */
export async function takeAssetPledgeLocks(
  tx: Executor,
  lock: {
    readonly registrationId: string;
    readonly caseId: string;
    readonly pledgeeOrganisationId: string;
    readonly assetIds: readonly string[];
  },
  at: Date,
): Promise<void> {
  for (const assetId of lock.assetIds) {
    try {
      await tx.insert(tables.assetPledgeLocks).values({
        id: randomUUID(),
        assetId,
        registrationId: lock.registrationId,
        caseId: lock.caseId,
        pledgeeOrganisationId: lock.pledgeeOrganisationId,
        lockedAt: at,
      });
    } catch (error) {
      if (!isUniqueViolation(error, ACTIVE_LOCK_INDEX)) throw error;
      throw new DomainError(
        'ASSET_ALREADY_PLEDGED',
        { assetId },
        {
          problems: [{ code: 'ASSET_ALREADY_PLEDGED', field: 'assetIds', params: { assetId } }],
          cause: error,
        },
      );
    }
  }
}

/** 解除锁定 (release the locks) of registrations: refused, or cancelled (注销). */
export async function releaseAssetPledgeLocks(
  tx: Executor,
  registrationIds: readonly string[],
  at: Date,
): Promise<void> {
  if (registrationIds.length === 0) return;
  await tx
    .update(tables.assetPledgeLocks)
    .set({ releasedAt: at })
    .where(
      and(
        inArray(tables.assetPledgeLocks.registrationId, [...registrationIds]),
        isNull(tables.assetPledgeLocks.releasedAt),
      ),
    );
}

/** Whether an asset is locked by a live registration (filed or on the register). */
export async function isAssetPledgeLocked(tx: Executor, assetId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: tables.assetPledgeLocks.id })
    .from(tables.assetPledgeLocks)
    .where(and(eq(tables.assetPledgeLocks.assetId, assetId), isNull(tables.assetPledgeLocks.releasedAt)));
  return row !== undefined;
}
