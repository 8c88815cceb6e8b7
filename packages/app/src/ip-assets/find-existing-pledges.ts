import { and, eq, inArray } from 'drizzle-orm';
import type { ExistingPledgeRecord, PledgeRegistrationStatus } from '@ipf/domain/ip-asset';
import { tables, type Executor } from '@ipf/db';

/** Registrations that hold an asset: filed (awaiting the authority) or on the register. */
const HOLDING_STATES: readonly PledgeRegistrationStatus[] = [
  'submitted',
  'correction_requested',
  'registered',
  'change_pending',
  'extension_pending',
  'cancellation_pending',
];

/**
 * 既有质押 (existing pledges of an asset) from the financing ledger: every pledge registration that locked the
 * asset and is filed or on the register. A registered pledge's period runs from its registration to the end of
 * its registration period; a filed one's from filing to its due date (it blocks through the asset lock, and
 * `assessPledgeEligibility` blocks only pledges on the register). A pledge made elsewhere still shows through the
 * asset's `pledged` flag.
 */
export async function findExistingPledges(
  executor: Executor,
  assetId: string,
): Promise<ExistingPledgeRecord[]> {
  const { assetPledgeLocks, pledgeRegistrations } = tables;
  const rows = await executor
    .selectDistinct({
      id: pledgeRegistrations.id,
      pledgeeOrganisationId: pledgeRegistrations.pledgeeOrganisationId,
      state: pledgeRegistrations.state,
      filingDate: pledgeRegistrations.filingDate,
      decisionDate: pledgeRegistrations.decisionDate,
      dueDate: pledgeRegistrations.dueDate,
      periodEndDate: pledgeRegistrations.periodEndDate,
    })
    .from(assetPledgeLocks)
    .innerJoin(pledgeRegistrations, eq(pledgeRegistrations.id, assetPledgeLocks.registrationId))
    .where(
      and(eq(assetPledgeLocks.assetId, assetId), inArray(pledgeRegistrations.state, [...HOLDING_STATES])),
    );
  return rows
    .map((r) => ({
      pledgeId: r.id,
      pledgeePartyId: r.pledgeeOrganisationId,
      status: r.state as PledgeRegistrationStatus,
      periodStart: r.decisionDate ?? r.filingDate,
      periodEnd: r.periodEndDate ?? r.dueDate,
    }))
    .sort((a, b) => a.pledgeId.localeCompare(b.pledgeId));
}
