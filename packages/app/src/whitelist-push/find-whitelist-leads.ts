import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { LeadTrackingStatus } from '@ipf/domain/whitelist-push';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import {
  loadWhitelistLeads,
  whitelistLeadVisibility,
  type WhitelistLeadView,
} from './whitelist-lead-view.ts';

export interface FindWhitelistLeadsInput extends PageInput {
  readonly roundId?: string;
  readonly status?: LeadTrackingStatus;
  readonly followUpOverdue?: boolean;
  /** Part of the enterprise's name or USCC. */
  readonly search?: string;
}

/**
 * 推送名单 with tracking (issue 10 item 5): a bank its pushed enterprises with names, USCC and contacts, the lead's
 * case state, the status and the follow-up flag; the bureau all; an enterprise the banks it was pushed to. The
 * status is read from the case state, so filtering by it happens after loading the actor's pushed entries (a
 * bank's list is bounded by its whitelists).
 */
export async function findWhitelistLeads(
  input: FindWhitelistLeadsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<WhitelistLeadView>> {
  const scope = authorize(actor, 'whitelist_lead.list');
  const { whitelistPushEntries, enterprises } = tables;
  const conditions: SQL[] = [whitelistLeadVisibility(actor, scope)];
  if (input.roundId !== undefined) conditions.push(eq(whitelistPushEntries.roundId, input.roundId));
  if (input.search !== undefined && input.search.trim() !== '') {
    const pattern = likePattern(input.search.trim());
    conditions.push(or(ilike(enterprises.name, pattern), ilike(enterprises.uscc, pattern))!);
  }
  const all = await loadWhitelistLeads(deps.db, actor, and(...conditions)!, {
    dataKey: deps.dataKey,
    now: deps.clock.now(),
  });
  const matching = all.filter(
    (lead) =>
      (input.status === undefined || lead.status === input.status) &&
      (input.followUpOverdue === undefined || lead.followUpOverdue === input.followUpOverdue),
  );
  const offset = pageOffset(input);
  return {
    items: matching.slice(offset, offset + input.pageSize),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}
