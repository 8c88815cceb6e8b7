import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { SubsidyRewardApplicationView } from './subsidy-reward-views.ts';
import { completeRewardApplicationStep, loadRewardApplicationForStep } from './reward-application-step.ts';

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
  return runInTransaction(deps, async (tx) => {
    const row = await loadRewardApplicationForStep(tx, input, actor, scope, ['approved'], 'pay');
    if (row.grantedFen === null)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'pay' });
    const paidDate = toShanghaiDate(now);
    return completeRewardApplicationStep(
      tx,
      row,
      'paid',
      { paidByUserId: actor.userId, paidDate, paymentReference: reference },
      { after: { paidFen: row.grantedFen.toString(), reference, paidDate } },
      actor,
      deps,
      now,
    );
  });
}
