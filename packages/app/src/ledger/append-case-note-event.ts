import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';

/** A step of a workflow beside the case (a claim, a disposition) noted on the case timeline. */
export interface CaseNoteEvent<A extends string> {
  readonly caseId: string;
  readonly action: A;
  readonly reasonCode: string;
  readonly note: string;
}

/**
 * 案件时间轴备注: adds a step that is not a case action to the case timeline, the case state unchanged
 * (`fromState` = `toState`), in the caller's transaction.
 */
export async function appendCaseNoteEvent<A extends string>(
  tx: Executor,
  actor: Actor,
  event: CaseNoteEvent<A>,
  at: Date,
): Promise<void> {
  const [row] = await tx
    .select({ state: tables.financingCases.state })
    .from(tables.financingCases)
    .where(eq(tables.financingCases.id, event.caseId));
  const state = row?.state ?? '';
  await tx.insert(tables.caseEvents).values({
    id: randomUUID(),
    caseId: event.caseId,
    action: event.action,
    fromState: state,
    toState: state,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    actorRole: actor.role,
    reasonCode: event.reasonCode,
    note: event.note,
    occurredAt: at,
  });
}
