import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  appendDispositionTimelineEvent,
  getVisibleDisposition,
  loadDispositionDetail,
  type DispositionDetail,
} from './disposition-view.ts';
import { settleDisposedAssets, type DispositionAssetOutcome } from './settle-disposed-assets.ts';
import { stepDisposition } from './step-disposition.ts';

export type { DispositionAssetOutcome } from './settle-disposed-assets.ts';

export interface CloseDispositionInput {
  readonly id: string;
  /**
   * What became of the IP; by default from the path: sold by auction or transfer, or swapped for equity, it goes
   * to the buyer (investee); by reverse licence it is released back to the pledgor.
   */
  readonly assetOutcome?: DispositionAssetOutcome;
  /** 受让方; by default the payer of the last proceeds (the winning bidder, the buyer), else the path's counterparty. */
  readonly buyerName?: string;
  /** e.g. the 著录项目变更 notice number of the transfer. */
  readonly note?: string;
}

/**
 * 处置结案 (close a disposition) once its proceeds are distributed: the pledge registration still on the register
 * is cancelled (注销, reason `pledge_realised`) and the IP changes holder to the buyer in the registry, or — after a
 * reverse licence — is released to the pledgor (`settleDisposedAssets`), all in one transaction. The ledger case
 * then ends `recovered` or `written_off` by the default-workout steps. On the case timeline, audited. Source:
 * issue 8 item 5 "the pledge registration is cancelled and the asset transferred or released".
 * @throws DISPOSITION_REGISTRATION_NOT_CANCELLED, DISPOSITION_BUYER_MISSING, DISPOSITION_TRANSITION_NOT_ALLOWED.
 */
export async function closeDisposition(
  input: CloseDispositionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.manage');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    const outcome: DispositionAssetOutcome =
      input.assetOutcome ?? (row.path === 'reverse_licence' ? 'released' : 'transferred');
    const [lastProceeds] = await tx
      .select({ payerName: tables.dispositionProceeds.payerName })
      .from(tables.dispositionProceeds)
      .where(eq(tables.dispositionProceeds.dispositionId, row.id))
      .orderBy(desc(tables.dispositionProceeds.createdAt))
      .limit(1);
    // The payer of the hammer price (or of the transfer price) is the buyer; a path's counterparty may be the venue.
    const buyerName = input.buyerName ?? lastProceeds?.payerName ?? row.counterpartyName ?? null;
    // The transition is checked first: a disposition not yet distributed keeps its pledge on the register.
    const updated = await stepDisposition(tx, row, { kind: 'close' }, now, {
      registrationCancelled: true,
      closedDate: toShanghaiDate(now),
    });
    const settled = await settleDisposedAssets(
      tx,
      deps,
      actor,
      { caseId: row.caseId, outcome, buyerName },
      now,
    );
    const cancelled =
      settled.cancelledRegistrationNumbers.length === 0
        ? '质押登记已注销'
        : `质押登记 ${settled.cancelledRegistrationNumbers.join('、')} 已注销`;
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'close_disposition',
        reasonCode: outcome,
        note: `处置结案：${cancelled}，知识产权${
          outcome === 'transferred' ? `已转移至${buyerName ?? '受让方'}` : '已解除质押返还出质人'
        }${input.note === undefined ? '' : `（${input.note}）`}`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.closed',
        entityType: 'disposition_case',
        entityId: row.id,
        before: { state: row.state },
        after: {
          state: updated.state,
          assetOutcome: outcome,
          buyerName: outcome === 'transferred' ? buyerName : null,
          cancelledRegistrations: settled.cancelledRegistrationNumbers,
          assets: settled.assetNumbers,
        },
      },
      now,
    );
    return loadDispositionDetail(tx, updated);
  });
}
