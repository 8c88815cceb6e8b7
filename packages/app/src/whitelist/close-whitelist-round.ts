import { eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { transitionWhitelistRound } from './transition-whitelist-round.ts';
import type { WhitelistRoundView } from './whitelist-round-views.ts';

/**
 * 关闭轮次 (close a round): `open` or `released` → `closed`. Banks keep their files and grades; no scorecard or
 * upload is accepted afterwards.
 */
export async function closeWhitelistRound(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.manage');
  const now = deps.clock.now();
  return transitionWhitelistRound(deps, actor, scope, {
    roundId: input.id,
    from: ['open', 'released'],
    actionLabel: '关闭',
    auditAction: 'whitelist_round.closed',
    apply: async (tx, round) => {
      await tx
        .update(tables.whitelistRounds)
        .set({ state: 'closed', closedAt: now, closedByUserId: actor.userId, updatedAt: now })
        .where(eq(tables.whitelistRounds.id, round.id));
    },
  });
}
