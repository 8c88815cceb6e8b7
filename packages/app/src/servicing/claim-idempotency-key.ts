import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '@ipf/domain/audit';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

export interface IdempotencyClaim {
  readonly organisationId: string;
  readonly key: string;
  readonly operation: string;
  /** The request as the use case received it (its canonical JSON is hashed). */
  readonly request: unknown;
}

/**
 * 幂等键 (claim an idempotency key) inside the caller's transaction: the first request under a key of the
 * organisation inserts the key with its request hash and gets `{ claimId }` to store its answer; a repeat of the
 * same request gets the stored answer (`{ replay }`); a different request under the same key is
 * IDEMPOTENCY_KEY_REUSED (422). On PostgreSQL a concurrent first request waits on the unique index until the
 * other commits (then replays) or rolls back (then proceeds). Source: issue 6 item 2; draft-ietf-httpapi-idempotency-key-header.
 */
export async function claimIdempotencyKey(
  tx: Executor,
  claim: IdempotencyClaim,
  at: Date,
): Promise<{ readonly claimId: string } | { readonly replay: unknown }> {
  const requestHash = createHash('sha256')
    .update(canonicalJson({ operation: claim.operation, request: claim.request }))
    .digest('hex');
  const id = randomUUID();
  const inserted = await tx
    .insert(tables.idempotencyKeys)
    .values({
      id,
      organisationId: claim.organisationId,
      key: claim.key,
      operation: claim.operation,
      requestHash,
      response: null,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: tables.idempotencyKeys.id });
  if (inserted.length > 0) return { claimId: id };
  const [existing] = await tx
    .select()
    .from(tables.idempotencyKeys)
    .where(
      and(
        eq(tables.idempotencyKeys.organisationId, claim.organisationId),
        eq(tables.idempotencyKeys.key, claim.key),
      ),
    );
  if (existing === undefined || existing.requestHash !== requestHash || existing.response === null)
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', { key: claim.key });
  return { replay: existing.response };
}

/** Stores the answer of a claimed key, in the same transaction as the work it answers. */
export async function storeIdempotentResponse(
  tx: Executor,
  claimId: string,
  response: unknown,
): Promise<void> {
  await tx
    .update(tables.idempotencyKeys)
    .set({ response: JSON.parse(canonicalJson(response)) as unknown })
    .where(eq(tables.idempotencyKeys.id, claimId));
}
