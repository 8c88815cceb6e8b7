import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { canBankUnitSeeParticipation } from '@ipf/domain/whitelist-round';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';

export interface VisibleParticipation {
  readonly round: typeof tables.whitelistRounds.$inferSelect;
  readonly participation: typeof tables.whitelistRoundBanks.$inferSelect;
  readonly bank: typeof tables.organisations.$inferSelect;
}

/**
 * One bank's participation in a round as the actor may reach it: the bureau (`all`) any; a bank user (`own_org`)
 * only its own bank's — the participating unit, a unit below it or above it. Anything else is
 * `WHITELIST_ROUND_NOT_FOUND`, so another bank cannot learn that the round or the participation exists.
 * `lock` takes the round row `FOR UPDATE` (quota and state checks of writes).
 */
export async function getVisibleParticipation(
  executor: Executor,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  input: { readonly roundId: string; readonly bankOrganisationId: string; readonly lock?: boolean },
): Promise<VisibleParticipation> {
  const query = executor
    .select({ round: tables.whitelistRounds })
    .from(tables.whitelistRounds)
    .where(eq(tables.whitelistRounds.id, input.roundId));
  const [found] = input.lock === true ? await query.for('update') : await query;
  const [row] =
    found === undefined
      ? []
      : await executor
          .select({ participation: tables.whitelistRoundBanks, bank: tables.organisations })
          .from(tables.whitelistRoundBanks)
          .innerJoin(
            tables.organisations,
            eq(tables.organisations.id, tables.whitelistRoundBanks.bankOrganisationId),
          )
          .where(
            and(
              eq(tables.whitelistRoundBanks.roundId, input.roundId),
              eq(tables.whitelistRoundBanks.bankOrganisationId, input.bankOrganisationId),
            ),
          );
  if (found === undefined || row === undefined) throw new DomainError('WHITELIST_ROUND_NOT_FOUND');
  if (scope !== 'all' && !canBankUnitSeeParticipation(actor.organisationPath, row.bank.path)) {
    throw new DomainError('WHITELIST_ROUND_NOT_FOUND');
  }
  return { round: found.round, participation: row.participation, bank: row.bank };
}
