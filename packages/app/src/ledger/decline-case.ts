import { randomUUID } from 'node:crypto';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findApproverAuthorityLevel } from './approver-authority-level.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';

export interface DeclineCaseInput {
  readonly id: string;
  readonly reasonCode?: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** 审批拒绝: with a known decline reason code (DECLINE_REASON_REQUIRED / _UNKNOWN), never on one's own preparation. */
export async function declineCase(input: DeclineCaseInput, actor: Actor, deps: AppDeps): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.decide');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'decline',
      actorRole: actor.role,
      actorUserId: actor.userId,
      preparedByUserIds: row.preparedByUserIds,
      declineReasonCode: input.reasonCode ?? null,
    });
    const authorityLevel = await findApproverAuthorityLevel(tx, actor.organisationId);
    await tx.insert(tables.caseApprovals).values({
      id: randomUUID(),
      caseId: row.id,
      approverUserId: actor.userId,
      authorityLevel,
      decision: 'declined',
      reasonCode: input.reasonCode!,
      note: input.note ?? null,
      decidedAt: now,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'decline',
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: input.reasonCode!,
        note: input.note ?? null,
        patch: { declineReasonCode: input.reasonCode! },
      },
      now,
    );
    return loadCaseDetail(tx, updated, today);
  });
}
