import { count, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { transitionWhitelistRound } from './transition-whitelist-round.ts';
import type { WhitelistRoundView } from './whitelist-round-views.ts';

/** 开启轮次 (open a round): `draft` → `open`, with at least one participating bank. */
export async function openWhitelistRound(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.manage');
  const now = deps.clock.now();
  return transitionWhitelistRound(deps, actor, scope, {
    roundId: input.id,
    from: ['draft'],
    actionLabel: '开启',
    auditAction: 'whitelist_round.opened',
    apply: async (tx, round) => {
      const [banks] = await tx
        .select({ n: count() })
        .from(tables.whitelistRoundBanks)
        .where(eq(tables.whitelistRoundBanks.roundId, round.id));
      if (Number(banks?.n ?? 0) === 0) throw new DomainError('WHITELIST_ROUND_NO_BANKS');
      await tx
        .update(tables.whitelistRounds)
        .set({ state: 'open', openedAt: now, openedByUserId: actor.userId, updatedAt: now })
        .where(eq(tables.whitelistRounds.id, round.id));
    },
  });
}
