import { and, desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleParticipation } from './get-visible-participation.ts';
import { toWhitelistScorecardView, type WhitelistScorecardView } from './whitelist-scorecard-view.ts';

/** 评分卡记录 of one bank in one round, newest first (at most the round's quota, so unpaged). */
export async function findWhitelistScorecards(
  input: { readonly roundId: string; readonly bankOrganisationId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistScorecardView[]> {
  const scope = authorize(actor, 'whitelist_scorecard.list');
  await getVisibleParticipation(deps.db, actor, scope, input);
  const rows = await deps.db
    .select()
    .from(tables.whitelistScorecards)
    .where(
      and(
        eq(tables.whitelistScorecards.roundId, input.roundId),
        eq(tables.whitelistScorecards.bankOrganisationId, input.bankOrganisationId),
      ),
    )
    .orderBy(desc(tables.whitelistScorecards.submittedAt));
  return rows.map(toWhitelistScorecardView);
}
