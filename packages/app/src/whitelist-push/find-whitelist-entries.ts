import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';

export interface WhitelistEntryView {
  readonly id: string;
  readonly roundId: string;
  readonly bankId: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly district: string;
  readonly grade: string;
  readonly included: boolean;
  readonly reasons: string[];
  readonly creditBandLowYuan: string | null;
  readonly creditBandHighYuan: string | null;
  readonly ruleSetVersion: number;
  readonly facts: Record<string, unknown>;
  readonly builtAt: string;
  /** When it was pushed to the bank (null: not yet). */
  readonly pushedAt: string | null;
}

export interface FindWhitelistEntriesInput extends PageInput {
  readonly roundId: string;
  readonly bankId: string;
  readonly included?: boolean;
}

/**
 * 白名单 of one bank in a round, for the bureau (issue 10 item 4: "bureau sees all, a bank sees nothing before
 * the push"): included first, then by grade and name, with the reasons, suggested credit band and push time.
 */
export async function findWhitelistEntries(
  input: FindWhitelistEntriesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<WhitelistEntryView>> {
  authorize(actor, 'whitelist_entry.list');
  const { whitelistEntries: w, enterprises: e, whitelistRuleSets: r, whitelistPushEntries: p } = tables;
  const conditions: SQL[] = [eq(w.roundId, input.roundId), eq(w.bankId, input.bankId)];
  if (input.included !== undefined) conditions.push(eq(w.included, input.included));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({ w, name: e.name, district: e.district, version: r.version, pushedAt: p.pushedAt })
      .from(w)
      .innerJoin(e, eq(e.organisationId, w.enterpriseId))
      .innerJoin(r, eq(r.id, w.ruleSetId))
      .leftJoin(p, and(eq(p.roundId, w.roundId), eq(p.bankId, w.bankId), eq(p.enterpriseId, w.enterpriseId)))
      .where(where)
      .orderBy(desc(w.included), asc(w.grade), asc(e.name))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(w)
      .where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.w.id,
      roundId: row.w.roundId,
      bankId: row.w.bankId,
      enterpriseId: row.w.enterpriseId,
      enterpriseName: row.name,
      district: row.district,
      grade: row.w.grade,
      included: row.w.included,
      reasons: row.w.reasons as string[],
      creditBandLowYuan: row.w.creditBandLowFen === null ? null : formatYuan(row.w.creditBandLowFen),
      creditBandHighYuan: row.w.creditBandHighFen === null ? null : formatYuan(row.w.creditBandHighFen),
      ruleSetVersion: row.version,
      facts: row.w.facts,
      builtAt: row.w.builtAt.toISOString(),
      pushedAt: row.pushedAt?.toISOString() ?? null,
    })),
    total: count?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
