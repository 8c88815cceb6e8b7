import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadTradeListingView } from './find-trade-listings.ts';
import type { TradeListingView } from './trade-view.ts';

export interface ChangeTradeListingStatusInput {
  readonly id: string;
  /** `withdrawn` 撤牌 or `closed` 已成交 (the trade itself is recorded with `createTradeRecord`). */
  readonly status: 'withdrawn' | 'closed';
}

/**
 * 撤牌 / 成交关闭: the owner enterprise (or a bureau that may see it) ends a listing that is still listed; a
 * listing already withdrawn or closed is TRADE_LISTING_NOT_LISTED. The row is locked so two ends cannot race.
 */
export async function changeTradeListingStatus(
  input: ChangeTradeListingStatusInput,
  actor: Actor,
  deps: AppDeps,
): Promise<TradeListingView> {
  const scope = authorize(actor, 'ip_trade_listing.manage');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { ipTradeListings, enterprises } = tables;
  return runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .select({ listing: ipTradeListings })
      .from(ipTradeListings)
      .innerJoin(enterprises, eq(enterprises.organisationId, ipTradeListings.ownerEnterpriseId))
      .where(and(eq(ipTradeListings.id, input.id), enterpriseVisibility(actor, scope, today)))
      .for('update', { of: ipTradeListings });
    if (row === undefined) throw new DomainError('TRADE_LISTING_NOT_FOUND');
    if (row.listing.status !== 'listed')
      throw new DomainError('TRADE_LISTING_NOT_LISTED', { status: row.listing.status });
    const before = await loadTradeListingView(tx, input.id);
    await tx
      .update(ipTradeListings)
      .set({ status: input.status, updatedAt: now })
      .where(and(eq(ipTradeListings.id, input.id), sql`${ipTradeListings.status} = 'listed'`));
    const after = (await loadTradeListingView(tx, input.id))!;
    await deps.audit.append(
      tx,
      actor,
      {
        action: `ip_trade_listing.${input.status}`,
        entityType: 'ip_trade_listing',
        entityId: input.id,
        before,
        after,
      },
      now,
    );
    return after;
  });
}
