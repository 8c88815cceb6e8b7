import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
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
import { stepDisposition } from './step-disposition.ts';

/** 处置款类别: hammer price, transfer price, a royalty instalment, equity consideration, other. */
export type DispositionProceedsKind = 'auction' | 'transfer' | 'royalty' | 'equity' | 'other';

const PROCEEDS_KIND_ZH: Readonly<Record<DispositionProceedsKind, string>> = {
  auction: '拍卖成交价',
  transfer: '转让价款',
  royalty: '许可费（监管账户）',
  equity: '股权对价',
  other: '其他处置款',
};

export interface RecordDispositionProceedsInput {
  readonly id: string;
  readonly kind: DispositionProceedsKind;
  readonly amountYuan: string;
  /** 付款凭证 / 成交确认书 number: a reference is recorded once per disposition. */
  readonly reference: string;
  readonly payerName?: string;
  readonly receivedDate?: string;
  /** An auction's bids on the trading centre (bidder, amount), kept on the timeline and in the audit. */
  readonly bids?: readonly { readonly bidder: string; readonly amountYuan: string }[];
}

/**
 * 登记处置款 (record proceeds received): an auction's hammer price (with its bids), a transfer price, a reverse
 * licence's royalty instalment paid into the bank-controlled account, or equity consideration; the disposition
 * moves to `proceeds_received` (again after a distribution, for royalties in instalments). On the case timeline,
 * audited. Source: issue 8 item 5; states.md "Claims and disposition".
 * @throws DISPOSITION_PROCEEDS_REFERENCE_DUPLICATE, DISPOSITION_TRANSITION_NOT_ALLOWED.
 */
export async function recordDispositionProceeds(
  input: RecordDispositionProceedsInput,
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
  const bids = (input.bids ?? []).map((bid) => ({
    bidder: bid.bidder,
    amountFen: parseYuan(bid.amountYuan),
  }));
  const reference = input.reference.trim();
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    const [seen] = await tx
      .select({ id: tables.dispositionProceeds.id })
      .from(tables.dispositionProceeds)
      .where(
        and(
          eq(tables.dispositionProceeds.dispositionId, row.id),
          eq(tables.dispositionProceeds.reference, reference),
        ),
      );
    if (seen !== undefined) throw new DomainError('DISPOSITION_PROCEEDS_REFERENCE_DUPLICATE', { reference });
    const patch = { proceedsFen: sql`${tables.dispositionCases.proceedsFen} + ${amountFen}` };
    const updated =
      row.state === 'proceeds_received'
        ? (
            await tx
              .update(tables.dispositionCases)
              .set({ ...patch, version: sql`${tables.dispositionCases.version} + 1`, updatedAt: now })
              .where(eq(tables.dispositionCases.id, row.id))
              .returning()
          )[0]!
        : await stepDisposition(tx, row, { kind: 'receive_proceeds' }, now, patch);
    await tx.insert(tables.dispositionProceeds).values({
      id: randomUUID(),
      dispositionId: row.id,
      kind: input.kind,
      amountFen,
      receivedDate: input.receivedDate ?? toShanghaiDate(now),
      payerName: input.payerName ?? null,
      reference,
      recordedByUserId: actor.userId,
      createdAt: now,
    });
    const bidsNote =
      bids.length === 0
        ? ''
        : `；出价记录：${bids.map((b) => `${b.bidder} ${formatYuan(b.amountFen)} 元`).join('，')}`;
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'record_disposition_proceeds',
        reasonCode: input.kind,
        note: `${PROCEEDS_KIND_ZH[input.kind]} ${formatYuan(amountFen)} 元（凭证 ${reference}${
          input.payerName === undefined ? '' : `，付款方 ${input.payerName}`
        }）${bidsNote}`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.proceeds_recorded',
        entityType: 'disposition_case',
        entityId: row.id,
        after: {
          kind: input.kind,
          amountFen: amountFen.toString(),
          reference,
          bids: bids.map((b) => ({ bidder: b.bidder, amountFen: b.amountFen.toString() })),
        },
      },
      now,
    );
    return loadDispositionDetail(tx, updated);
  });
}
