import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getApplicationForUpdate, toApplicationViews, type SubsidyApplicationView } from './subsidy-views.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';
import { notifySubsidyStep } from './notify-subsidy-step.ts';

export interface PaySubsidyApplicationInput {
  readonly id: string;
  /** 付款凭证 (payment reference, e.g. the treasury transfer number). */
  readonly reference: string;
  readonly expectedVersion?: number;
}

/**
 * 兑付 (pay an approved application): records the payment of the granted amount; one payment per application
 * (row lock and a unique index), so a repeated or concurrent payment is refused. Audited.
 * Source: issue 9 item 4 "payment record".
 */
export async function paySubsidyApplication(
  input: PaySubsidyApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  const scope = authorize(actor, 'subsidy_application.pay');
  const now = deps.clock.now();
  const reference = input.reference.trim();
  const { subsidyApplications, subsidyPayments } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    if (row.state !== 'approved' || row.grantedFen === null)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'pay' });
    try {
      await tx.insert(subsidyPayments).values({
        id: randomUUID(),
        applicationId: row.id,
        amountFen: row.grantedFen,
        paidDate: toShanghaiDate(now),
        reference,
        paidByUserId: actor.userId,
        createdAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'subsidy_payments_application_uq')) throw error;
      throw new DomainError(
        'SUBSIDY_TRANSITION_NOT_ALLOWED',
        { from: 'paid', event: 'pay' },
        { cause: error },
      );
    }
    const [updated] = await tx
      .update(subsidyApplications)
      .set({ state: 'paid', version: row.version + 1, updatedAt: now })
      .where(and(eq(subsidyApplications.id, row.id), eq(subsidyApplications.version, row.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_application.paid',
        entityType: 'subsidy_application',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: 'paid', version: updated.version, paidFen: row.grantedFen.toString(), reference },
      },
      now,
    );
    await notifySubsidyStep(tx, updated, 'paid', now);
    return (await toApplicationViews(tx, [updated]))[0]!;
  });
}
