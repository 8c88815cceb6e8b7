import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { loadWhitelistRoundViews, type WhitelistRoundView } from './whitelist-round-views.ts';

/**
 * The round as the actor may see it; a bank sees a round only while its bank takes part (else
 * `WHITELIST_ROUND_NOT_FOUND`, like a round that does not exist). `lock` takes the row `FOR UPDATE`.
 */
export async function loadVisibleRound(
  executor: Executor,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  roundId: string,
  lock = false,
): Promise<{ row: typeof tables.whitelistRounds.$inferSelect; view: WhitelistRoundView }> {
  const query = executor.select().from(tables.whitelistRounds).where(eq(tables.whitelistRounds.id, roundId));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw new DomainError('WHITELIST_ROUND_NOT_FOUND');
  const [view] = await loadWhitelistRoundViews(executor, [row], actor, scope);
  if (scope !== 'all' && view!.banks.length === 0) throw new DomainError('WHITELIST_ROUND_NOT_FOUND');
  return { row, view: view! };
}

/** 白名单轮次详情: the round, its participating banks and each bank's release facts (k, suppressed, sizes). */
export async function getWhitelistRound(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.read');
  return (await loadVisibleRound(deps.db, actor, scope, input.id)).view;
}
