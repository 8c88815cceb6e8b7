import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { toPledgeAlertViews, type PledgeAlertRow, type PledgeAlertView } from './pledge-alert-view.ts';

/** Input of acknowledging or resolving an alert. */
export interface HandlePledgeAlertInput {
  readonly id: string;
  readonly note?: string;
  /** The version the client read; another one is CONFLICT. */
  readonly expectedVersion?: number;
}

/**
 * Loads an alert of a case the actor may see (else NOT_FOUND), checks its state and version, applies `patch` and
 * writes the audit event, in the caller's transaction.
 */
export async function handlePledgeAlert(
  tx: Transaction,
  deps: AppDeps,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  input: HandlePledgeAlertInput,
  change: {
    readonly action: string;
    readonly from: readonly string[];
    readonly patch: Partial<PledgeAlertRow>;
  },
  now: Date,
): Promise<PledgeAlertView> {
  const [alert] = await tx
    .select()
    .from(tables.pledgeAlerts)
    .where(eq(tables.pledgeAlerts.id, input.id))
    .for('update');
  if (alert === undefined) throw new DomainError('NOT_FOUND');
  await getVisibleCase(tx, alert.caseId, actor, scope);
  if (input.expectedVersion !== undefined && input.expectedVersion !== alert.version)
    throw new DomainError('CONFLICT');
  if (!change.from.includes(alert.state))
    throw new DomainError('PLEDGE_ALERT_STATE_CONFLICT', { state: alert.state });
  const note = input.note?.trim();
  const [updated] = await tx
    .update(tables.pledgeAlerts)
    .set({
      ...change.patch,
      ...(note === undefined || note === '' ? {} : { note }),
      version: alert.version + 1,
      updatedAt: now,
    })
    .where(and(eq(tables.pledgeAlerts.id, alert.id), eq(tables.pledgeAlerts.version, alert.version)))
    .returning();
  if (updated === undefined) throw new DomainError('CONFLICT');
  await deps.audit.append(
    tx,
    actor,
    {
      action: change.action,
      entityType: 'pledge_alert',
      entityId: alert.id,
      before: { state: alert.state },
      after: { state: updated.state, note: updated.note },
    },
    now,
  );
  const [view] = await toPledgeAlertViews(tx, [updated]);
  return view!;
}
