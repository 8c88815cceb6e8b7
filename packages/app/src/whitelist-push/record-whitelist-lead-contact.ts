import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  loadWhitelistLeads,
  whitelistLeadVisibility,
  type WhitelistLeadView,
} from './whitelist-lead-view.ts';

export interface RecordWhitelistLeadContactInput {
  readonly id: string;
  readonly note?: string;
}

/**
 * 登记已联系 (the bank records that it contacted a pushed enterprise): sets the contact mark once, which moves the
 * lead from `pushed` to `contacted` and clears the follow-up flag. Only the receiving bank's units may; another
 * bank's entry is NOT_FOUND. Audited.
 */
export async function recordWhitelistLeadContact(
  input: RecordWhitelistLeadContactInput,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistLeadView> {
  const scope = authorize(actor, 'whitelist_lead.contact');
  const now = deps.clock.now();
  const { whitelistPushEntries } = tables;
  return runInTransaction(deps, async (tx) => {
    const where = and(eq(whitelistPushEntries.id, input.id), whitelistLeadVisibility(actor, scope))!;
    const [before] = await loadWhitelistLeads(tx, actor, where, { dataKey: deps.dataKey, now });
    if (before === undefined) throw new DomainError('NOT_FOUND');
    if (before.contactedAt !== null)
      throw new DomainError('WHITELIST_LEAD_ALREADY_CONTACTED', {
        contactedOn: toShanghaiDate(new Date(before.contactedAt)),
      });
    await tx
      .update(whitelistPushEntries)
      .set({ contactedAt: now, contactedByUserId: actor.userId, contactNote: input.note ?? null })
      .where(eq(whitelistPushEntries.id, input.id));
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'whitelist_lead.contacted',
        entityType: 'whitelist_push_entry',
        entityId: input.id,
        after: { caseId: before.caseId, note: input.note ?? null },
      },
      now,
    );
    const [after] = await loadWhitelistLeads(tx, actor, where, { dataKey: deps.dataKey, now });
    return after!;
  });
}
