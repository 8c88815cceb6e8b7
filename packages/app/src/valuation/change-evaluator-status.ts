import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { loadEvaluatorDetail, type EvaluatorDetailView } from './evaluator-view.ts';
import { getVisibleEvaluatorAdmission } from './get-evaluator.ts';

/** What the bureau does with an admission. */
export type EvaluatorAction = 'admit' | 'reject' | 'suspend' | 'remove' | 'reinstate';

/**
 * 入库状态表: the states an action leaves from and the state it reaches. Rejection, suspension, removal and
 * reinstatement need a reason; removal is final for the admission (the firm may apply again).
 */
export const evaluatorTransitions: Readonly<
  Record<
    EvaluatorAction,
    { readonly from: readonly string[]; readonly to: string; readonly reasonRequired: boolean }
  >
> = {
  admit: { from: ['applied'], to: 'admitted', reasonRequired: false },
  reject: { from: ['applied'], to: 'rejected', reasonRequired: true },
  suspend: { from: ['admitted'], to: 'suspended', reasonRequired: true },
  remove: { from: ['admitted', 'suspended'], to: 'removed', reasonRequired: true },
  reinstate: { from: ['suspended'], to: 'admitted', reasonRequired: true },
};

const auditVerbs: Readonly<Record<EvaluatorAction, string>> = {
  admit: 'admitted',
  reject: 'rejected',
  suspend: 'suspended',
  remove: 'removed',
  reinstate: 'reinstated',
};

export interface ChangeEvaluatorStatusInput {
  readonly id: string;
  readonly action: EvaluatorAction;
  readonly reason?: string;
  /** On admission: the firm's fee sharing among enterprise, bank and subsidy (bps, summing to 10000). */
  readonly feeShares?: {
    readonly enterpriseBps: number;
    readonly bankBps: number;
    readonly subsidyBps: number;
  };
  /** The version the client read; another one is CONFLICT. */
  readonly expectedVersion?: number;
}

/**
 * 入库审核与动态管理: the city bureau admits or rejects an application and later suspends, removes or reinstates
 * the firm, each with its reason in the status history and the audit trail. Source: issue 7 item 6.
 */
export async function changeEvaluatorStatus(
  input: ChangeEvaluatorStatusInput,
  actor: Actor,
  deps: AppDeps,
): Promise<EvaluatorDetailView> {
  const scope = authorize(actor, 'evaluator.manage');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const row = await getVisibleEvaluatorAdmission(tx, input.id, actor, scope, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    const transition = evaluatorTransitions[input.action];
    if (!transition.from.includes(row.state))
      throw new DomainError('EVALUATOR_STATE_CONFLICT', { state: row.state, action: input.action });
    const reason = input.reason?.trim() ?? '';
    if (transition.reasonRequired && reason === '')
      throw new DomainError('EVALUATOR_REASON_REQUIRED', { action: input.action });
    const shares = input.action === 'admit' ? input.feeShares : undefined;
    if (shares !== undefined) {
      const sum = shares.enterpriseBps + shares.bankBps + shares.subsidyBps;
      if (sum !== 10_000) throw new DomainError('EVALUATOR_FEE_SHARES_INVALID', { sum });
    }
    const decided = input.action === 'admit' || input.action === 'reject';
    const [updated] = await tx
      .update(tables.evaluatorAdmissions)
      .set({
        state: transition.to,
        ...(shares === undefined
          ? {}
          : {
              feeShareEnterpriseBps: shares.enterpriseBps,
              feeShareBankBps: shares.bankBps,
              feeShareSubsidyBps: shares.subsidyBps,
            }),
        ...(decided ? { decidedByUserId: actor.userId, decidedAt: now } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(
        and(eq(tables.evaluatorAdmissions.id, row.id), eq(tables.evaluatorAdmissions.version, row.version)),
      )
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await tx.insert(tables.evaluatorStatusHistory).values({
      id: randomUUID(),
      admissionId: row.id,
      fromState: row.state,
      toState: transition.to,
      reason: reason === '' ? null : reason,
      actorUserId: actor.userId,
      occurredAt: now,
    });
    await deps.audit.append(
      tx,
      actor,
      {
        action: `evaluator.${auditVerbs[input.action]}`,
        entityType: 'evaluator_admission',
        entityId: row.id,
        before: { state: row.state },
        after: { state: transition.to, ...(shares === undefined ? {} : { feeShares: shares }) },
        ...(reason === '' ? {} : { reason }),
      },
      now,
    );
    return loadEvaluatorDetail(tx, updated);
  });
}
