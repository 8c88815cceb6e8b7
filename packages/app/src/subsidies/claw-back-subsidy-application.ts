import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { getApplicationForUpdate, toApplicationViews, type SubsidyApplicationView } from './subsidy-views.ts';
import { notifySubsidyStep } from './notify-subsidy-step.ts';

export interface ClawBackSubsidyApplicationInput {
  readonly id: string;
  /** Which condition proved false (required). */
  readonly reason: string;
  readonly expectedVersion?: number;
}

/**
 * 追回 (claw back) an approved or paid subsidy when a condition later proves false: the application becomes
 * `clawed_back`, its claims on the costs are released and the granted amount returns to the budget (under the
 * budget rows' locks). The payment record stays as the history of what was paid. Audited.
 * Source: issue 9 item 4 "clawback when a condition later proves false".
 */
export async function clawBackSubsidyApplication(
  input: ClawBackSubsidyApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  const scope = authorize(actor, 'subsidy_application.claw_back');
  const reason = input.reason.trim();
  if (reason === '') throw new DomainError('SUBSIDY_REASON_REQUIRED');
  const now = deps.clock.now();
  const { subsidyApplications, subsidyBudgets, subsidyCostClaims } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    if ((row.state !== 'approved' && row.state !== 'paid') || row.grantedFen === null)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'claw_back' });

    await tx
      .update(subsidyCostClaims)
      .set({ releasedAt: now })
      .where(and(eq(subsidyCostClaims.applicationId, row.id), isNull(subsidyCostClaims.releasedAt)));
    const budgets = await tx
      .select()
      .from(subsidyBudgets)
      .where(
        and(
          eq(subsidyBudgets.schemeId, row.schemeId),
          inArray(subsidyBudgets.district, ['all', row.district]),
        ),
      )
      .orderBy(asc(subsidyBudgets.district))
      .for('update');
    for (const budget of budgets)
      await tx
        .update(subsidyBudgets)
        .set({ usedFen: sql`${subsidyBudgets.usedFen} - ${row.grantedFen}`, updatedAt: now })
        .where(eq(subsidyBudgets.id, budget.id));

    const [updated] = await tx
      .update(subsidyApplications)
      .set({
        state: 'clawed_back',
        clawedBackByUserId: actor.userId,
        clawbackReason: reason,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(subsidyApplications.id, row.id), eq(subsidyApplications.version, row.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_application.clawed_back',
        entityType: 'subsidy_application',
        entityId: row.id,
        before: { state: row.state, version: row.version, grantedFen: row.grantedFen.toString() },
        after: { state: 'clawed_back', version: updated.version, reason },
      },
      now,
    );
    await notifySubsidyStep(tx, updated, 'clawed_back', now);
    return (await toApplicationViews(tx, [updated]))[0]!;
  });
}
