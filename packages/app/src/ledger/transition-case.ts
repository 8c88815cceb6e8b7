import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { CaseAction, CaseState } from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from './case-visibility.ts';
import type { CaseRow } from './case-view.ts';

/** Loads a case the actor may see, or NOT_FOUND (another bank's case is indistinguishable from none). */
export async function getVisibleCase(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<CaseRow> {
  const [row] = await executor
    .select()
    .from(tables.financingCases)
    .where(and(eq(tables.financingCases.id, id), caseVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

export interface CaseTransitionWrite {
  readonly row: CaseRow;
  readonly action: CaseAction | 'committee_vote';
  readonly to: CaseState;
  /** The version the client read; a different current version is CONFLICT before anything is written. */
  readonly expectedVersion?: number | undefined;
  readonly reasonCode?: string | null;
  readonly note?: string | null;
  readonly patch?: Partial<typeof tables.financingCases.$inferInsert>;
  /** A step of the platform itself (the servicing engine): the timeline names no user, role `system`. */
  readonly bySystem?: boolean;
  /** What else the step changed (e.g. the case's evaluator participant), merged into the audit `before` / `after`. */
  readonly auditBefore?: Readonly<Record<string, unknown>>;
  readonly auditAfter?: Readonly<Record<string, unknown>>;
}

/**
 * 案件状态变更: writes the new state with an optimistic version check (`where version = read version`; a
 * concurrent change makes it CONFLICT and the transaction rolls back), the timeline event and the audit event,
 * all in the caller's transaction.
 */
export async function writeCaseTransition(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  write: CaseTransitionWrite,
  at: Date,
): Promise<CaseRow> {
  const { row, to } = write;
  if (write.expectedVersion !== undefined && write.expectedVersion !== row.version)
    throw new DomainError('CONFLICT');
  const [updated] = await tx
    .update(tables.financingCases)
    .set({
      ...write.patch,
      state: to,
      version: row.version + 1,
      updatedAt: at,
      stateEnteredAt: to === row.state ? row.stateEnteredAt : at,
    })
    .where(and(eq(tables.financingCases.id, row.id), eq(tables.financingCases.version, row.version)))
    .returning();
  if (updated === undefined) throw new DomainError('CONFLICT');
  await tx.insert(tables.caseEvents).values({
    id: randomUUID(),
    caseId: row.id,
    action: write.action,
    fromState: row.state,
    toState: to,
    actorUserId: write.bySystem === true ? null : actor.userId,
    actorOrganisationId: write.bySystem === true ? null : actor.organisationId,
    actorRole: write.bySystem === true ? 'system' : actor.role,
    reasonCode: write.reasonCode ?? null,
    note: write.note ?? null,
    occurredAt: at,
  });
  await deps.audit.append(
    tx,
    actor,
    {
      action: `case.${write.action}`,
      entityType: 'financing_case',
      entityId: row.id,
      before: { ...write.auditBefore, state: row.state, version: row.version },
      after: { ...write.auditAfter, state: to, version: updated.version },
      ...(write.reasonCode === undefined || write.reasonCode === null ? {} : { reason: write.reasonCode }),
    },
    at,
  );
  return updated;
}

/** The preparers after `userId` prepared a step (审贷分离 reads this list). */
export function withPreparer(row: CaseRow, userId: string): string[] {
  return row.preparedByUserIds.includes(userId) ? row.preparedByUserIds : [...row.preparedByUserIds, userId];
}
