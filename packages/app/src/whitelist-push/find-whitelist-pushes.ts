import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';

export interface WhitelistPushView {
  readonly id: string;
  readonly roundId: string;
  readonly roundNumber: string;
  readonly bankId: string;
  readonly bankNameZh: string;
  readonly bankNameEn: string;
  readonly trigger: string;
  readonly pushMonth: string;
  readonly pushedAt: string;
  readonly entryCount: number;
}

/** 推送记录 for the bureau: every push, newest first, optionally of one round. */
export async function findWhitelistPushes(
  input: { readonly roundId?: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistPushView[]> {
  authorize(actor, 'whitelist_entry.list');
  const { whitelistPushes: p, whitelistRounds: r, organisations: o } = tables;
  const rows = await deps.db
    .select({ p, roundNumber: r.roundNumber, nameZh: o.nameZh, nameEn: o.nameEn })
    .from(p)
    .innerJoin(r, eq(r.id, p.roundId))
    .innerJoin(o, eq(o.id, p.bankId))
    .where(input.roundId === undefined ? undefined : eq(p.roundId, input.roundId))
    .orderBy(desc(p.pushedAt))
    .limit(500);
  return rows.map((row) => ({
    id: row.p.id,
    roundId: row.p.roundId,
    roundNumber: row.roundNumber,
    bankId: row.p.bankId,
    bankNameZh: row.nameZh,
    bankNameEn: row.nameEn,
    trigger: row.p.trigger,
    pushMonth: row.p.pushMonth,
    pushedAt: row.p.pushedAt.toISOString(),
    entryCount: row.p.entryCount,
  }));
}
