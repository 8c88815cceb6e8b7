import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
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

/** 处置费用类别: evaluation, auction commission, legal, registration, other. */
export type DispositionCostKind = 'evaluation' | 'auction_fee' | 'legal' | 'registration' | 'other';

const COST_KIND_ZH: Readonly<Record<DispositionCostKind, string>> = {
  evaluation: '评估费',
  auction_fee: '拍卖佣金',
  legal: '律师及诉讼费',
  registration: '登记费',
  other: '其他费用',
};

export interface RecordDispositionCostInput {
  readonly id: string;
  readonly kind: DispositionCostKind;
  readonly amountYuan: string;
  readonly incurredDate?: string;
  readonly note?: string;
}

/**
 * 登记处置费用 (record a cost of disposal): paid out of the proceeds before anything is distributed
 * (`allocateDispositionProceeds`, in the order recorded). Not once the disposition is closed. On the case
 * timeline, audited. Source: issue 8 item 5 "costs first, then proceeds allocated".
 */
export async function recordDispositionCost(
  input: RecordDispositionCostInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.manage');
  const amountFen = parseYuan(input.amountYuan);
  if (amountFen <= 0n)
    throw new DomainError(
      'DISPOSITION_AMOUNT_INVALID',
      {},
      { problems: [{ code: 'DISPOSITION_AMOUNT_INVALID', field: 'amountYuan' }] },
    );
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    if (row.state === 'closed')
      throw new DomainError('DISPOSITION_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'record_cost' });
    await tx.insert(tables.dispositionCosts).values({
      id: randomUUID(),
      dispositionId: row.id,
      kind: input.kind,
      amountFen,
      incurredDate: input.incurredDate ?? toShanghaiDate(now),
      note: input.note ?? null,
      recordedByUserId: actor.userId,
      createdAt: now,
    });
    const [updated] = await tx
      .update(tables.dispositionCases)
      .set({
        costsFen: sql`${tables.dispositionCases.costsFen} + ${amountFen}`,
        version: sql`${tables.dispositionCases.version} + 1`,
        updatedAt: now,
      })
      .where(eq(tables.dispositionCases.id, row.id))
      .returning();
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'record_disposition_cost',
        reasonCode: input.kind,
        note: `处置费用：${COST_KIND_ZH[input.kind]} ${formatYuan(amountFen)} 元${
          input.note === undefined ? '' : `（${input.note}）`
        }`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.cost_recorded',
        entityType: 'disposition_case',
        entityId: row.id,
        after: { kind: input.kind, amountFen: amountFen.toString() },
      },
      now,
    );
    return loadDispositionDetail(tx, updated!);
  });
}
