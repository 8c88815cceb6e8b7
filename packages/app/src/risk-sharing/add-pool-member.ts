import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { headOfficeIdOf } from '../ledger/bank-product-view.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findPoolRow, toRiskPoolViews, type RiskPoolView } from './risk-pool-view.ts';

export interface AddPoolMemberInput {
  readonly poolId: string;
  /** The bank (any unit; its head office 总行 becomes the member, covering every unit of the bank). */
  readonly bankId: string;
  /** From this day (today when absent): loans disbursed from then on are filed. */
  readonly fromDate?: string;
}

/**
 * 合作银行入池: the pool administrator adds a bank (named by any unit, its head office joins; POOL_MEMBER_NOT_BANK for
 * another kind of organisation) to its pool from a
 * date; an open membership already there is POOL_MEMBERSHIP_EXISTS. Eligible loans of the bank disbursed from then
 * on are filed into the pool. Source: issue 8 item 3.
 */
export async function addPoolMember(
  input: AddPoolMemberInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskPoolView> {
  const scope = authorize(actor, 'risk_pool.manage');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const pool = await findPoolRow(
      tx,
      input.poolId,
      scope === 'all' ? 'all' : 'own_org',
      actor.organisationId,
    );
    if (pool === undefined) throw new DomainError('NOT_FOUND');
    const [unit] = await tx
      .select()
      .from(tables.organisations)
      .where(and(eq(tables.organisations.id, input.bankId), eq(tables.organisations.kind, 'bank')));
    if (unit === undefined) throw new DomainError('POOL_MEMBER_NOT_BANK');
    const bank = { id: headOfficeIdOf(unit.path) };
    const [membership] = await tx
      .insert(tables.riskPoolMemberships)
      .values({
        id: randomUUID(),
        poolId: pool.id,
        bankId: bank.id,
        fromDate: input.fromDate ?? today,
        addedByUserId: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (membership === undefined) throw new DomainError('POOL_MEMBERSHIP_EXISTS');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_pool.member_added',
        entityType: 'risk_pool',
        entityId: pool.id,
        after: { bankId: bank.id, fromDate: membership.fromDate },
      },
      now,
    );
    const [view] = await toRiskPoolViews(tx, [pool], Number(today.slice(0, 4)));
    return view!;
  });
}
