import { assertCaseAction, type CaseAction, type CaseState } from '@ipf/domain/ledger';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import type { Operation } from '../access/permission-matrix.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from './transition-case.ts';

/** What a workout step after default records besides the state: a reason code and a note for the timeline. */
export interface DefaultedCaseStepInput {
  readonly id: string;
  readonly expectedVersion?: number;
  /** Stable reason code shown on the timeline (e.g. `guarantor_claim`, `auction`, `court_ruling`). */
  readonly reasonCode?: string;
  readonly note?: string;
}

/**
 * 不良处置流转 (one step of the default workout: claim, disposal, recovery, write-off) through the case table
 * (`caseTransitions`): the bank clerk's steps add the clerk to the case's preparers, so the write-off, an
 * approver's decision, is never taken by whoever prepared the case (审贷分离, `maker_checker`). Writes the state,
 * the timeline event and the audit event in one transaction.
 */
export async function transitionDefaultedCase(
  input: DefaultedCaseStepInput,
  step: { readonly operation: Operation; readonly action: CaseAction },
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, step.operation);
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: step.action,
      actorRole: actor.role,
      actorUserId: actor.userId,
      preparedByUserIds: row.preparedByUserIds,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: step.action,
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: input.reasonCode ?? null,
        note: input.note ?? null,
        ...(actor.role === 'bank_clerk'
          ? { patch: { preparedByUserIds: withPreparer(row, actor.userId) } }
          : {}),
      },
      now,
    );
    return loadCaseDetail(tx, updated, toShanghaiDate(now));
  });
}
