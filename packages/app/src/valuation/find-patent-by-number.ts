import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IpAsset } from '@ipf/domain/ip-asset';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { loadValuationAssets } from './load-valuation-assets.ts';

const SCORED_KINDS = ['invention_patent', 'utility_model_patent'];

/**
 * 按申请号查找专利 for the operator's command line (`valuation score --asset <number>`): the invention or
 * utility-model patent with this normalised application number in the platform's database, as the domain's
 * `IpAsset`, or null; with `examples`, a few numbers that do exist for the error message. No actor: the command
 * runs on the database's host, like the daily job; the HTTP API never calls it.
 */
export async function findPatentByNumber(
  number: string,
  deps: Pick<AppDeps, 'db'>,
): Promise<{ readonly asset: IpAsset | null; readonly examples: readonly string[] }> {
  const { ipAssets } = tables;
  const [row] = await deps.db
    .select({ id: ipAssets.id })
    .from(ipAssets)
    .where(and(eq(ipAssets.number, number), inArray(ipAssets.kind, SCORED_KINDS)));
  if (row !== undefined) {
    const loaded = await loadValuationAssets(deps.db, [row.id], sql`true`);
    return { asset: loaded.get(row.id)?.asset ?? null, examples: [] };
  }
  const examples = await deps.db
    .select({ number: ipAssets.number })
    .from(ipAssets)
    .where(and(inArray(ipAssets.kind, SCORED_KINDS), eq(ipAssets.legalStatus, 'granted')))
    .orderBy(asc(ipAssets.number))
    .limit(3);
  return { asset: null, examples: examples.map((e) => e.number) };
}
