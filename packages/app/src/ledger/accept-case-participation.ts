import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState, type CombinedModel } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';

export interface AcceptCaseParticipationInput {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

const participations = {
  guarantor: { operation: 'case.accept_guarantee', action: 'accept_guarantee' },
  insurer: { operation: 'case.accept_insurance', action: 'accept_insurance' },
} as const;

/**
 * 承保 (acceptance by a case party): the guarantor or insurer user accepts, for its own organisation only, the
 * case that names that organisation in `case_participants` (any other case is NOT_FOUND, like one that does not
 * exist). The state table decides when (`accept_guarantee` / `accept_insurance` self-loops while the case is
 * value-evaluated or credit-rated, on a case of the matching combined model); a second acceptance is
 * CASE_PARTICIPANT_ALREADY_ACCEPTED. Sets `acceptedAt`, writes the timeline and audit events; approval reads it.
 */
export async function acceptCaseParticipation(
  role: keyof typeof participations,
  input: AcceptCaseParticipationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const { operation, action } = participations[role];
  const scope = authorize(actor, operation);
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const { caseParticipants } = tables;
    const ofThisOrganisation = and(
      eq(caseParticipants.caseId, row.id),
      eq(caseParticipants.role, role),
      eq(caseParticipants.organisationId, actor.organisationId),
    );
    const [participant] = await tx.select().from(caseParticipants).where(ofThisOrganisation);
    if (participant === undefined) throw new DomainError('NOT_FOUND');
    if (participant.acceptedAt !== null)
      throw new DomainError('CASE_PARTICIPANT_ALREADY_ACCEPTED', {
        acceptedAt: toShanghaiDate(participant.acceptedAt),
      });

    const to = assertCaseAction({
      state: row.state as CaseState,
      action,
      actorRole: actor.role,
      actorUserId: actor.userId,
      combinedModel: (row.combinedModel ?? 'pledge_only') as CombinedModel,
    });
    const [accepted] = await tx
      .update(caseParticipants)
      .set({ acceptedAt: now, acceptedByUserId: actor.userId })
      .where(and(ofThisOrganisation, isNull(caseParticipants.acceptedAt)))
      .returning();
    if (accepted === undefined) throw new DomainError('CONFLICT');
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      { row, action, to, expectedVersion: input.expectedVersion, note: input.note ?? null },
      now,
    );
    return loadCaseDetail(tx, updated, toShanghaiDate(now));
  });
}
