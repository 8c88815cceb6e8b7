import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findPoolRow, toRiskPoolViews, type RiskPoolView } from './risk-pool-view.ts';

export interface UpdatePoolRatiosInput {
  readonly poolId: string;
  readonly ratios: readonly { loanCategory: string; ratioBps: number; source: string }[];
  readonly effectiveDate: string;
  readonly expectedVersion: number;
}

/**
 * 调整补偿比例: the pool administrator publishes new compensation ratios by loan category from a date (policy data,
 * style-examples.md). Loans already filed keep the ratio of their filing and their fixed agreement.
 * Source: issue 8 items 3, 4.
 */
export async function updatePoolRatios(
  input: UpdatePoolRatiosInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskPoolView> {
  const scope = authorize(actor, 'risk_pool.manage');
  const now = deps.clock.now();
  const { riskPools } = tables;
  return runInTransaction(deps, async (tx) => {
    const pool = await findPoolRow(
      tx,
      input.poolId,
      scope === 'all' ? 'all' : 'own_org',
      actor.organisationId,
    );
    if (pool === undefined) throw new DomainError('NOT_FOUND');
    if (pool.version !== input.expectedVersion) throw new DomainError('CONFLICT');
    const ratios = input.ratios.map((r) => ({ ...r, ratioBps: String(r.ratioBps) }));
    const [updated] = await tx
      .update(riskPools)
      .set({ ratios, ratiosEffectiveDate: input.effectiveDate, version: pool.version + 1, updatedAt: now })
      .where(and(eq(riskPools.id, pool.id), eq(riskPools.version, pool.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_pool.ratios_updated',
        entityType: 'risk_pool',
        entityId: pool.id,
        before: { ratios: pool.ratios, effectiveDate: pool.ratiosEffectiveDate },
        after: { ratios, effectiveDate: input.effectiveDate },
      },
      now,
    );
    const [view] = await toRiskPoolViews(tx, [updated], Number(toShanghaiDate(now).slice(0, 4)));
    return view!;
  });
}
