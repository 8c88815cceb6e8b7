import { eq, type SQL, and } from 'drizzle-orm';
import { districts } from '@ipf/domain/party';
import type { LeadTrackingStatus } from '@ipf/domain/whitelist-push';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import {
  loadWhitelistLeads,
  whitelistLeadVisibility,
  type WhitelistLeadView,
} from './whitelist-lead-view.ts';

export interface WhitelistConversionRow {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly pushed: number;
  readonly contacted: number;
  readonly applied: number;
  readonly approved: number;
  readonly declined: number;
  readonly disbursed: number;
  readonly followUpOverdue: number;
  /** applied ÷ pushed and disbursed ÷ pushed in percent, one decimal, half up; null without pushes. */
  readonly applyRatePct: string | null;
  readonly disbursementRatePct: string | null;
}

export interface WhitelistConversion {
  readonly total: WhitelistConversionRow;
  readonly byBank: WhitelistConversionRow[];
  readonly byDistrict: WhitelistConversionRow[];
}

const REACHED_APPLICATION: ReadonlySet<LeadTrackingStatus> = new Set([
  'applied',
  'approved',
  'declined',
  'disbursed',
]);

/** a ÷ b in percent with one decimal, rounded half up: 1 of 3 → "33.3". */
function ratePct(a: number, b: number): string | null {
  if (b === 0) return null;
  const tenths = Math.floor((a * 2000 + b) / (2 * b));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

function summarise(
  key: string,
  nameZh: string,
  nameEn: string,
  leads: readonly WhitelistLeadView[],
): WhitelistConversionRow {
  const count = (test: (l: WhitelistLeadView) => boolean) => leads.filter(test).length;
  const applied = count((l) => REACHED_APPLICATION.has(l.status));
  const disbursed = count((l) => l.status === 'disbursed');
  return {
    key,
    nameZh,
    nameEn,
    pushed: leads.length,
    // Contact is marked by the bank; a lead that went on to apply was contacted in substance too.
    contacted: count((l) => l.contactedAt !== null || REACHED_APPLICATION.has(l.status)),
    applied,
    approved: count((l) => l.status === 'approved' || l.status === 'disbursed'),
    declined: count((l) => l.status === 'declined'),
    disbursed,
    followUpOverdue: count((l) => l.followUpOverdue),
    applyRatePct: ratePct(applied, leads.length),
    disbursementRatePct: ratePct(disbursed, leads.length),
  };
}

/**
 * 转化统计 (conversion of pushed leads, issue 10 item 5 "conversion statistics by bank and district"): per bank
 * and per enterprise district, how many pushed enterprises were contacted, applied, approved (approved or beyond),
 * declined and disbursed, and how many are overdue for follow-up, with apply and disbursement rates. A district
 * bureau sees its district's, the city bureau and regulators all.
 */
export async function findWhitelistConversion(
  input: { readonly roundId?: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistConversion> {
  const scope = authorize(actor, 'whitelist_conversion.read');
  const conditions: SQL[] = [whitelistLeadVisibility(actor, scope)];
  if (input.roundId !== undefined) conditions.push(eq(tables.whitelistPushEntries.roundId, input.roundId));
  const leads = await loadWhitelistLeads(deps.db, actor, and(...conditions)!, {
    dataKey: deps.dataKey,
    now: deps.clock.now(),
  });
  const group = (keyOf: (l: WhitelistLeadView) => string) => {
    const groups = new Map<string, WhitelistLeadView[]>();
    for (const lead of leads) groups.set(keyOf(lead), [...(groups.get(keyOf(lead)) ?? []), lead]);
    return groups;
  };
  const byBank = [...group((l) => l.bankId).entries()].map(([key, ls]) =>
    summarise(key, ls[0]!.bankNameZh, ls[0]!.bankNameEn, ls),
  );
  const byDistrict = [...group((l) => l.district).entries()].map(([key, ls]) => {
    const d = districts.find((x) => x.code === key);
    return summarise(key, d?.zh ?? key, d?.en ?? key, ls);
  });
  const byPushed = (a: WhitelistConversionRow, b: WhitelistConversionRow) =>
    b.pushed - a.pushed || a.key.localeCompare(b.key);
  return {
    total: summarise('total', '合计', 'Total', leads),
    byBank: byBank.sort(byPushed),
    byDistrict: byDistrict.sort(byPushed),
  };
}
