import type { ExistingPledgeRecord } from '@ipf/domain/ip-asset';
import type { Executor } from '@ipf/db';

/**
 * 既有质押 (existing pledges of an asset), the seam to the financing ledger: pledge registrations belong to the
 * ledger (issue 3 item 3 "pledges (read from the ledger later)"), which does not exist yet, so this answers no
 * records. Until then a pledge made elsewhere shows through the asset's `pledged` flag, which
 * `assessPledgeEligibility` also reads. Replace the body with the ledger query; callers need not change.
 */
export async function findExistingPledges(
  executor: Executor,
  assetId: string,
): Promise<ExistingPledgeRecord[]> {
  void executor;
  void assetId;
  return Promise.resolve([]);
}
