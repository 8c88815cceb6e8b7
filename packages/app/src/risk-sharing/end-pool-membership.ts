import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findPoolRow, toRiskPoolViews, type RiskPoolView } from './risk-pool-view.ts';

export interface EndPoolMembershipInput {
  readonly membershipId: string;
  /** The last day of the membership (today when absent); loans disbursed after it are not filed. */
  readonly toDate?: string;
}

/**
 * 合作银行退出: the pool administrator ends a bank's open membership of its pool on a day (another pool's or an
 * ended membership is NOT_FOUND). Loans filed before stay filed. Source: issue 8 item 3.
 */
export async function endPoolMembership(
  input: EndPoolMembershipInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskPoolView> {
  const scope = authorize(actor, 'risk_pool.manage');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const toDate = input.toDate ?? today;
  const { riskPoolMemberships } = tables;
  return runInTransaction(deps, async (tx) => {
    const open = and(eq(riskPoolMemberships.id, input.membershipId), isNull(riskPoolMemberships.toDate));
    const [membership] = await tx.select().from(riskPoolMemberships).where(open);
    const pool =
      membership === undefined
        ? undefined
        : await findPoolRow(tx, membership.poolId, scope === 'all' ? 'all' : 'own_org', actor.organisationId);
    if (membership === undefined || pool === undefined) throw new DomainError('NOT_FOUND');
    if (toDate < membership.fromDate)
      throw new DomainError(
        'VALIDATION_FAILED',
        { count: 1 },
        {
          problems: [{ code: 'VALIDATION_FAILED', field: 'toDate', params: { count: 1 } }],
        },
      );
    const [ended] = await tx.update(riskPoolMemberships).set({ toDate }).where(open).returning();
    if (ended === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_pool.member_ended',
        entityType: 'risk_pool',
        entityId: pool.id,
        before: { bankId: membership.bankId, toDate: null },
        after: { bankId: membership.bankId, toDate },
      },
      now,
    );
    const [view] = await toRiskPoolViews(tx, [pool], Number(today.slice(0, 4)));
    return view!;
  });
}
