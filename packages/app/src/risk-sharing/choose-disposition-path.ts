import { dispositionPathLabels, type DispositionPath } from '@ipf/domain/risk-sharing';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  appendDispositionTimelineEvent,
  getVisibleDisposition,
  loadDispositionDetail,
  type DispositionDetail,
} from './disposition-view.ts';
import { stepDisposition } from './step-disposition.ts';

export interface ChooseDispositionPathInput {
  readonly id: string;
  readonly path: DispositionPath;
  /** Buyer, licensee (the pledgor for a reverse licence), investee, or the trading centre for an auction. */
  readonly counterpartyName?: string;
  /** 银行监管账户 receiving reverse-licence royalties. */
  readonly controlledAccount?: string;
  /** e.g. the trading centre's listing number and terms (挂牌编号、起拍价). */
  readonly note?: string;
  /** Start the disposal at once (`start`): the distribution can no longer change. */
  readonly start?: boolean;
}

/**
 * 选择处置方式 (choose the path: reverse licence, auction on the trading centre, transfer, pledge-to-equity), and
 * optionally start the disposal; a path may change before or during the work (an auction without a bid 流拍 →
 * transfer), per `transitionDisposition`. On the case timeline, audited. Source: issue 8 item 5; states.md.
 */
export async function chooseDispositionPath(
  input: ChooseDispositionPathInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.manage');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    let updated = await stepDisposition(tx, row, { kind: 'choose_path', path: input.path }, now, {
      ...(input.counterpartyName === undefined ? {} : { counterpartyName: input.counterpartyName }),
      ...(input.controlledAccount === undefined ? {} : { controlledAccount: input.controlledAccount }),
    });
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'choose_disposition_path',
        reasonCode: input.path,
        note: [
          `处置方式：${dispositionPathLabels[input.path].zh}`,
          input.counterpartyName === undefined ? null : `交易对手：${input.counterpartyName}`,
          input.controlledAccount === undefined ? null : `监管账户：${input.controlledAccount}`,
          input.note ?? null,
        ]
          .filter((part) => part !== null)
          .join('；'),
      },
      now,
    );
    if (input.start === true) {
      updated = await stepDisposition(tx, updated, { kind: 'start' }, now);
      await appendDispositionTimelineEvent(
        tx,
        actor,
        {
          caseId: row.caseId,
          action: 'start_disposition',
          reasonCode: input.path,
          note: `开始${dispositionPathLabels[input.path].zh}，分配比例不再变更`,
        },
        now,
      );
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.path_chosen',
        entityType: 'disposition_case',
        entityId: row.id,
        before: { state: row.state, path: row.path },
        after: { state: updated.state, path: updated.path, counterpartyName: updated.counterpartyName },
      },
      now,
    );
    return loadDispositionDetail(tx, updated);
  });
}
