import { randomUUID } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { findPoolRow, toRiskPoolViews, type RiskPoolView } from './risk-pool-view.ts';

export interface SetPoolBudgetInput {
  readonly poolId: string;
  readonly year: number;
  readonly budgetYuan: string;
}

/**
 * 年度补偿预算: the pool administrator sets its pool's budget for a year; never below what the year has already
 * paid (POOL_BUDGET_INVALID), so payouts stay within budget. Source: issue 8 item 3 "payout within budget".
 */
export async function setPoolBudget(
  input: SetPoolBudgetInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskPoolView> {
  const scope = authorize(actor, 'risk_pool.manage');
  const budgetFen = parseYuan(input.budgetYuan);
  if (budgetFen < 0n) throw new DomainError('POOL_BUDGET_INVALID');
  const now = deps.clock.now();
  const { riskPoolBudgets } = tables;
  return runInTransaction(deps, async (tx) => {
    const pool = await findPoolRow(
      tx,
      input.poolId,
      scope === 'all' ? 'all' : 'own_org',
      actor.organisationId,
    );
    if (pool === undefined) throw new DomainError('NOT_FOUND');
    const ofYear = and(eq(riskPoolBudgets.poolId, pool.id), eq(riskPoolBudgets.year, input.year));
    const [before] = await tx.select().from(riskPoolBudgets).where(ofYear).for('update');
    if (before !== undefined && budgetFen < before.usedFen) throw new DomainError('POOL_BUDGET_INVALID');
    if (before === undefined)
      await tx.insert(riskPoolBudgets).values({
        id: randomUUID(),
        poolId: pool.id,
        year: input.year,
        budgetFen,
        updatedAt: now,
      });
    else await tx.update(riskPoolBudgets).set({ budgetFen, updatedAt: now }).where(ofYear);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_pool.budget_set',
        entityType: 'risk_pool',
        entityId: pool.id,
        before: before === undefined ? null : { year: input.year, budgetFen: before.budgetFen.toString() },
        after: { year: input.year, budgetFen: budgetFen.toString() },
      },
      now,
    );
    const [view] = await toRiskPoolViews(tx, [pool], input.year);
    return view!;
  });
}
