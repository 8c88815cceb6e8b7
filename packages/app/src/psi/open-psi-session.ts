import { randomInt, randomUUID } from 'node:crypto';
import { and, count, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { encryptField } from '../crypto/field-encryption.ts';
import { headOfficeIdOf } from '../ledger/bank-product-view.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { createPsiKey, exportPsiKey } from './create-psi-key.ts';
import { hashPsiItems, PSI_HASH_TO_CURVE_DST, PSI_HASH_TO_CURVE_SUITE } from './hash-psi-items.ts';
import { loadPsiServerSet } from './load-psi-server-set.ts';
import { maskPsiPoints } from './mask-psi-points.ts';
import { encodePsiPoint, psiLimits, psiSetKinds, type PsiSetKind } from './psi-limits.ts';

export interface OpenPsiSessionInput {
  readonly setKind: string;
}

/** What the bank receives on opening: the server's set masked with the session key, shuffled. */
export interface PsiSessionOpened {
  readonly sessionId: string;
  readonly setKind: PsiSetKind;
  readonly serverSetSize: number;
  readonly maxClientSetSize: number;
  readonly expiresAt: string;
  readonly curve: 'X25519';
  readonly hashToCurveSuite: string;
  readonly hashToCurveDst: string;
  /** X25519(serverKey, H(item)) of every item of the set, base64url, in random order. */
  readonly maskedServerSet: string[];
}

/** Fisher–Yates with a CSPRNG: the order of the masked set says nothing about the order of the items. */
function shuffle<T>(values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}

/**
 * 发起隐私求交 (open a private matching session, ECDH-PSI after draft-wang-ppm-ecdh-psi): a bank unit names the
 * set; the platform makes a fresh X25519 key for this session only (sealed with the data key, wiped when answered,
 * useless after `psiLimits.sessionTtlMinutes`), hashes the set's USCC codes to Curve25519, raises them to the key
 * and returns them shuffled with the set's size — the only thing the bank learns about the set besides the
 * intersection it computes. At most `psiLimits.sessionsPerBankPerDay` sessions per bank (head office) per day:
 * PSI_SESSION_LIMIT_REACHED; concurrent openings of one bank are serialised by an advisory lock.
 */
export async function openPsiSession(
  input: OpenPsiSessionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PsiSessionOpened> {
  authorize(actor, 'psi.match');
  if (!(psiSetKinds as readonly string[]).includes(input.setKind))
    throw new DomainError('PSI_SET_KIND_UNKNOWN', { setKind: input.setKind });
  const setKind = input.setKind as PsiSetKind;
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  const expiresAt = new Date(now.getTime() + psiLimits.sessionTtlMinutes * 60_000);
  const bankId = headOfficeIdOf(actor.organisationPath);
  const key = createPsiKey();
  const { psiSessions } = tables;

  const { sessionId, serverSet } = await runInTransaction(deps, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`psi_sessions:${bankId}`}, 0))`);
    const [opened] = await tx
      .select({ n: count() })
      .from(psiSessions)
      .where(and(eq(psiSessions.bankId, bankId), gte(psiSessions.createdAt, dayStart)));
    if ((opened?.n ?? 0) >= psiLimits.sessionsPerBankPerDay)
      throw new DomainError('PSI_SESSION_LIMIT_REACHED', { limit: psiLimits.sessionsPerBankPerDay });
    // Keys of sessions that expired unanswered are useless; do not keep them sealed at rest either.
    await tx
      .update(psiSessions)
      .set({ keyEnc: null })
      .where(
        and(eq(psiSessions.bankId, bankId), lt(psiSessions.expiresAt, now), isNotNull(psiSessions.keyEnc)),
      );

    const serverSet = await loadPsiServerSet(tx, setKind, bankId, today, now);
    const sessionId = randomUUID();
    await tx.insert(psiSessions).values({
      id: sessionId,
      bankId,
      organisationId: actor.organisationId,
      userId: actor.userId,
      setKind,
      serverSetSize: serverSet.length,
      keyEnc: encryptField(exportPsiKey(key), deps.dataKey),
      createdAt: now,
      expiresAt,
    });
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'psi_session.opened',
        entityType: 'psi_session',
        entityId: sessionId,
        after: { setKind, serverSetSize: serverSet.length, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
    return { sessionId, serverSet };
  });

  const maskedServerSet = shuffle(maskPsiPoints(key, hashPsiItems(serverSet)).map(encodePsiPoint));
  return {
    sessionId,
    setKind,
    serverSetSize: serverSet.length,
    maxClientSetSize: psiLimits.maxClientSetSize,
    expiresAt: expiresAt.toISOString(),
    curve: 'X25519',
    hashToCurveSuite: PSI_HASH_TO_CURVE_SUITE,
    hashToCurveDst: PSI_HASH_TO_CURVE_DST,
    maskedServerSet,
  };
}
