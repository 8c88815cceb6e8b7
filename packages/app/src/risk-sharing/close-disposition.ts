import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
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
import { stepDisposition } from './step-disposition.ts';

/** What became of the pledged IP: transferred to the buyer (or investee), or released to the pledgor. */
export type DispositionAssetOutcome = 'transferred' | 'released';

export interface CloseDispositionInput {
  readonly id: string;
  readonly assetOutcome: DispositionAssetOutcome;
  /** e.g. the 著录项目变更 notice number of the transfer. */
  readonly note?: string;
}

/** Registration states that still hold the pledge on record. */
const LIVE_REGISTRATION_STATES = new Set([
  'registered',
  'change_pending',
  'extension_pending',
  'cancellation_pending',
]);

/**
 * 处置结案 (close a disposition) once its proceeds are distributed and the pledge registration is cancelled (注销,
 * through the registration's cancellation, reason `pledge_realised`); records whether the IP was transferred to the
 * buyer or released. The ledger case then ends `recovered` or `written_off` by the default-workout steps. On the
 * case timeline, audited. Source: issue 8 item 5 "the pledge registration is cancelled and the asset transferred or
 * released".
 * @throws DISPOSITION_REGISTRATION_NOT_CANCELLED, DISPOSITION_TRANSITION_NOT_ALLOWED.
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
    const registrations = await tx
      .select({
        state: tables.pledgeRegistrations.state,
        applicationNumber: tables.pledgeRegistrations.applicationNumber,
      })
      .from(tables.pledgeRegistrations)
      .where(eq(tables.pledgeRegistrations.caseId, row.caseId));
    const live = registrations.find((r) => LIVE_REGISTRATION_STATES.has(r.state));
    if (live !== undefined)
      throw new DomainError('DISPOSITION_REGISTRATION_NOT_CANCELLED', {
        applicationNumber: live.applicationNumber,
      });
    const updated = await stepDisposition(tx, row, { kind: 'close' }, now, {
      registrationCancelled: true,
      closedDate: toShanghaiDate(now),
    });
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'close_disposition',
        reasonCode: input.assetOutcome,
        note: `处置结案：质押登记已注销，知识产权${
          input.assetOutcome === 'transferred'
            ? `已转移至${row.counterpartyName ?? '受让方'}`
            : '已解除质押返还出质人'
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
        after: { state: updated.state, assetOutcome: input.assetOutcome },
      },
      now,
    );
    return loadDispositionDetail(tx, updated);
  });
}
