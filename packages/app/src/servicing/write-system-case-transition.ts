import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseAction, type CaseState } from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseRow } from '../ledger/case-view.ts';

/**
 * 系统流转 (a case transition by the servicing engine, no user behind it): checked against the case table as
 * `system`, written with the optimistic version check, a timeline event without a user and the audit event of
 * the job's actor. Used by the daily job for mark_overdue and classify_non_performing (states.md).
 */
export async function writeSystemCaseTransition(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  row: CaseRow,
  action: CaseAction,
  at: Date,
): Promise<CaseRow> {
  const to = assertCaseAction({
    state: row.state as CaseState,
    action,
    actorRole: 'system',
    actorUserId: actor.userId,
  });
  const [updated] = await tx
    .update(tables.financingCases)
    .set({ state: to, version: row.version + 1, updatedAt: at, stateEnteredAt: at })
    .where(and(eq(tables.financingCases.id, row.id), eq(tables.financingCases.version, row.version)))
    .returning();
  if (updated === undefined) throw new DomainError('CONFLICT');
  await tx.insert(tables.caseEvents).values({
    id: randomUUID(),
    caseId: row.id,
    action,
    fromState: row.state,
    toState: to,
    actorUserId: null,
    actorOrganisationId: null,
    actorRole: 'system',
    reasonCode: null,
    note: null,
    occurredAt: at,
  });
  await deps.audit.append(
    tx,
    actor,
    {
      action: `case.${action}`,
      entityType: 'financing_case',
      entityId: row.id,
      before: { state: row.state, version: row.version },
      after: { state: to, version: updated.version },
    },
    at,
  );
  return updated;
}
