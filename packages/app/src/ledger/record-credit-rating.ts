import { randomUUID } from 'node:crypto';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from './transition-case.ts';

export interface RecordCreditRatingInput {
  readonly id: string;
  /** 信用等级 (the bank's own scale, e.g. `AA`). */
  readonly creditRating: string;
  readonly creditLineFen: bigint;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** 授信评定: the bank clerk records the credit rating and credit line; the case goes to the approver. */
export async function recordCreditRating(
  input: RecordCreditRatingInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.evaluate');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'record_credit_rating',
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    await tx.insert(tables.caseEvaluations).values({
      id: randomUUID(),
      caseId: row.id,
      step: 'credit',
      recordedByUserId: actor.userId,
      recordedAt: now,
      creditRating: input.creditRating,
      creditLineFen: input.creditLineFen,
      note: input.note ?? null,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'record_credit_rating',
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: input.creditRating,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
      },
      now,
    );
    return loadCaseDetail(tx, updated, today);
  });
}
