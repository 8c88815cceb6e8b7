import { and, count, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import {
  loadWhitelistRoundViews,
  participantVisibleTo,
  type WhitelistRoundView,
} from './whitelist-round-views.ts';

export interface FindWhitelistRoundsInput extends PageInput {
  readonly state?: string;
  /** Round number or title contains. */
  readonly q?: string;
}

/**
 * 白名单轮次列表, newest first, paged: the city bureau sees every round; a bank (head office or unit) the rounds
 * its bank takes part in, each with only its own participations.
 */
export async function findWhitelistRounds(
  input: FindWhitelistRoundsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<WhitelistRoundView>> {
  const scope = authorize(actor, 'whitelist_round.list');
  const conditions: SQL[] = [];
  if (input.state !== undefined) conditions.push(eq(tables.whitelistRounds.state, input.state));
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(
      or(ilike(tables.whitelistRounds.roundNumber, pattern), ilike(tables.whitelistRounds.title, pattern))!,
    );
  }
  if (scope !== 'all') {
    conditions.push(
      exists(
        deps.db
          .select({ one: sql`1` })
          .from(tables.whitelistRoundBanks)
          .innerJoin(
            tables.organisations,
            eq(tables.organisations.id, tables.whitelistRoundBanks.bankOrganisationId),
          )
          .where(
            and(
              eq(tables.whitelistRoundBanks.roundId, tables.whitelistRounds.id),
              participantVisibleTo(actor),
            ),
          ),
      ),
    );
  }
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(tables.whitelistRounds)
      .where(where)
      .orderBy(desc(tables.whitelistRounds.createdAt), desc(tables.whitelistRounds.roundNumber))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(tables.whitelistRounds).where(where),
  ]);
  return {
    items: await loadWhitelistRoundViews(deps.db, rows, actor, scope),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
