import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';

export interface WithdrawCaseInput {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** 撤回: the enterprise withdraws its lead or application before it is contracted. */
export async function withdrawCase(
  input: WithdrawCaseInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.withdraw');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'withdraw',
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      { row, action: 'withdraw', to, expectedVersion: input.expectedVersion, note: input.note ?? null },
      now,
    );
    return loadCaseDetail(tx, updated, toShanghaiDate(now));
  });
}
