import { asc, eq, gt } from 'drizzle-orm';
import { tables, type Database } from '@ipf/db';
import { GENESIS_HASH, hashAuditEvent } from './audit-writer.ts';

export type AuditChainVerdict =
  | { readonly ok: true; readonly events: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly events: number;
      /** The first event that does not verify (or the head, when only the head disagrees). */
      readonly brokenAtSeq: string;
      readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
    };

/**
 * Re-computes the whole chain from the stored rows and names the first broken link: an edited row breaks its
 * own hash, a deleted row a sequence gap, a re-hashed edit the next row's `prev_hash`. Reads in pages.
 */
export async function verifyAuditChain(db: Database, pageSize = 2000): Promise<AuditChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let events = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(tables.auditEvents)
      .where(gt(tables.auditEvents.seq, expectedSeq - 1n))
      .orderBy(asc(tables.auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      const at = row.seq.toString();
      if (row.seq !== expectedSeq)
        return { ok: false, events, brokenAtSeq: expectedSeq.toString(), reason: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { ok: false, events, brokenAtSeq: at, reason: 'prev_hash_mismatch' };
      const { prevHash: _stored, hash, ...fields } = row;
      if (hashAuditEvent(prevHash, fields) !== hash)
        return { ok: false, events, brokenAtSeq: at, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq += 1n;
      events += 1;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(tables.auditChainHead).where(eq(tables.auditChainHead.id, 1));
  if (head === undefined || head.lastHash !== prevHash || head.lastSeq !== expectedSeq - 1n) {
    return { ok: false, events, brokenAtSeq: (head?.lastSeq ?? 0n).toString(), reason: 'head_mismatch' };
  }
  return { ok: true, events, lastHash: prevHash };
}
