import { and, asc, eq } from 'drizzle-orm';
import type { WhitelistFeatureRow } from '@ipf/domain/whitelist';
import { tables, type Executor } from '@ipf/db';

/**
 * The full-fidelity rows behind a bank's release that were released to it (suppressed ones are never graded for
 * that bank), with the pseudonym of each enterprise. Inside the platform only.
 */
export async function loadReleaseMembers(
  executor: Executor,
  input: { readonly roundId: string; readonly bankOrganisationId: string },
): Promise<{ readonly rows: WhitelistFeatureRow[]; readonly pseudonymOf: Map<string, string> }> {
  const members = await executor
    .select({
      pseudonym: tables.whitelistReleaseMembers.pseudonym,
      enterpriseId: tables.whitelistReleaseMembers.enterpriseId,
      features: tables.whitelistReleaseMembers.features,
    })
    .from(tables.whitelistReleaseMembers)
    .where(
      and(
        eq(tables.whitelistReleaseMembers.roundId, input.roundId),
        eq(tables.whitelistReleaseMembers.bankOrganisationId, input.bankOrganisationId),
        eq(tables.whitelistReleaseMembers.released, true),
      ),
    )
    .orderBy(asc(tables.whitelistReleaseMembers.enterpriseId));
  return {
    rows: members.map((m) => m.features as unknown as WhitelistFeatureRow),
    pseudonymOf: new Map(members.map((m) => [m.enterpriseId, m.pseudonym])),
  };
}
