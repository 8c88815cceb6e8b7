import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  getRewardApplicationForUpdate,
  toRewardApplicationViews,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';
import { notifySubsidyRewardStep } from './notify-subsidy-reward-step.ts';

export interface PaySubsidyRewardApplicationInput {
  readonly id: string;
  /** 付款凭证 (payment reference, e.g. the treasury transfer number). */
  readonly reference: string;
  readonly expectedVersion?: number;
}

/**
 * 兑付 (pay an approved reward application): records the payment of the granted amount, date and reference on the
 * application (`approved` → `paid`, once: the row lock and the state decide a repeated payment). Notifies the
 * institution. Audited. Source: issue 9 items 2, 4 "payment record".
 */
export async function paySubsidyRewardApplication(
  input: PaySubsidyRewardApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  const scope = authorize(actor, 'subsidy_reward.pay');
  const now = deps.clock.now();
  const reference = input.reference.trim();
  if (reference === '') throw new DomainError('SUBSIDY_REASON_REQUIRED');
  const { subsidyRewardApplications } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getRewardApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    if (row.state !== 'approved' || row.grantedFen === null)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'pay' });
    const paidDate = toShanghaiDate(now);
    const [updated] = await tx
      .update(subsidyRewardApplications)
      .set({
        state: 'paid',
        paidByUserId: actor.userId,
        paidDate,
        paymentReference: reference,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(
        and(eq(subsidyRewardApplications.id, row.id), eq(subsidyRewardApplications.version, row.version)),
      )
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_reward.paid',
        entityType: 'subsidy_reward_application',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: {
          state: 'paid',
          version: updated.version,
          paidFen: row.grantedFen.toString(),
          reference,
          paidDate,
        },
      },
      now,
    );
    await notifySubsidyRewardStep(tx, updated, 'paid', now);
    return (await toRewardApplicationViews(tx, [updated]))[0]!;
  });
}
