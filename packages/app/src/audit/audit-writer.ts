import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { canonicalJson, toJsonData } from '@ipf/domain/audit';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';

/** One state change to record: who did what to which record, before and after, and why. */
export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string;
}

export interface AuditWriter {
  /** Appends inside the caller's transaction, so the event commits or rolls back with the change. */
  append(tx: Executor, actor: Actor, entry: AuditEntry, at: Date): Promise<void>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers, in one fixed shape (hashing and verifying use the same function). */
export interface HashedAuditFields {
  readonly seq: bigint;
  readonly id: string;
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly requestId: string | null;
}

/** hash_n = SM3(hash_{n−1} ‖ "\n" ‖ canonicalJson(fields_n)), hex (GB/T 32905-2016 SM3). */
export function hashAuditEvent(prevHash: string, fields: HashedAuditFields): string {
  return createHash('sm3')
    .update(
      `${prevHash}\n${canonicalJson({ ...fields, occurredAt: new Date(fields.occurredAt).toISOString() })}`,
    )
    .digest('hex');
}

/**
 * The production writer: locks the chain head `FOR UPDATE` (so concurrent writers queue instead of forking the
 * chain), hashes the event over the previous hash and appends it.
 */
export const chainedAuditWriter: AuditWriter = {
  async append(tx, actor, entry, at) {
    const [head] = await tx
      .select()
      .from(tables.auditChainHead)
      .where(eq(tables.auditChainHead.id, 1))
      .for('update');
    if (head === undefined) throw new Error('audit_chain_head row missing: migrations not applied');

    const fields: HashedAuditFields = {
      seq: head.lastSeq + 1n,
      id: randomUUID(),
      occurredAt: at.toISOString(),
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJsonData(entry.before ?? null),
      after: toJsonData(entry.after ?? null),
      reason: entry.reason ?? null,
      requestId: actor.requestId,
    };
    const hash = hashAuditEvent(head.lastHash, fields);
    await tx.insert(tables.auditEvents).values({ ...fields, prevHash: head.lastHash, hash });
    await tx
      .update(tables.auditChainHead)
      .set({ lastSeq: fields.seq, lastHash: hash })
      .where(eq(tables.auditChainHead.id, 1));
  },
};
