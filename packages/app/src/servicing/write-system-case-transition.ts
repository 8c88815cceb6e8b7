import { assertCaseAction, type CaseAction, type CaseState } from '@ipf/domain/ledger';
import type { Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { writeCaseTransition } from '../ledger/transition-case.ts';

/**
 * 系统流转 (a case transition by the servicing engine, no user behind it): checked against the case table as
 * `system`, written by `writeCaseTransition` with a timeline event that names no user and the audit event of the
 * job's actor. Used by the daily job for mark_overdue and classify_non_performing (states.md).
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
  return writeCaseTransition(tx, deps, actor, { row, action, to, bySystem: true }, at);
}
