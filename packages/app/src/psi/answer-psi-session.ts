import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { decryptField } from '../crypto/field-encryption.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { restorePsiKey } from './create-psi-key.ts';
import { maskPsiPoints } from './mask-psi-points.ts';
import { encodePsiPoint, psiLimits } from './psi-limits.ts';

export interface AnswerPsiSessionInput {
  readonly sessionId: string;
  /** The bank's items masked with its own key, X25519(bankKey, H(item)), base64url, in the bank's order. */
  readonly maskedItems: readonly string[];
}

export interface PsiSessionAnswer {
  readonly sessionId: string;
  readonly serverSetSize: number;
  readonly clientSetSize: number;
  /** Each of the bank's points raised to the session key as well, in the order the bank sent them. */
  readonly doublyMaskedItems: string[];
}

/**
 * 隐私求交应答: raises the bank's masked items to the session's key, in the bank's order, so that the bank can map
 * them back and compare with the server's set it raised to its own key. Once per session (the key is wiped in
 * the same transaction: PSI_SESSION_ALREADY_ANSWERED), before expiry (PSI_SESSION_EXPIRED), at most
 * `psiLimits.maxClientSetSize` items (PSI_SET_TOO_LARGE); only the unit that opened the session (else NOT_FOUND).
 * The platform records the bank's set size and nothing of its items.
 */
export async function answerPsiSession(
  input: AnswerPsiSessionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PsiSessionAnswer> {
  authorize(actor, 'psi.match');
  const size = input.maskedItems.length;
  if (size > psiLimits.maxClientSetSize)
    throw new DomainError('PSI_SET_TOO_LARGE', { size, limit: psiLimits.maxClientSetSize });
  const points = input.maskedItems.map((item, index) => {
    const point = Buffer.from(item, 'base64url');
    if (point.length !== 32 || encodePsiPoint(point) !== item)
      throw new DomainError('PSI_ITEM_INVALID', { index });
    return point;
  });
  const now = deps.clock.now();
  const { psiSessions } = tables;

  const session = await runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .select()
      .from(psiSessions)
      .where(and(eq(psiSessions.id, input.sessionId), eq(psiSessions.organisationId, actor.organisationId)))
      .for('update');
    if (row === undefined) throw new DomainError('NOT_FOUND');
    if (row.answeredAt !== null) throw new DomainError('PSI_SESSION_ALREADY_ANSWERED');
    if (row.expiresAt <= now || row.keyEnc === null)
      throw new DomainError('PSI_SESSION_EXPIRED', { expiresAt: row.expiresAt.toISOString() });
    await tx
      .update(psiSessions)
      .set({ answeredAt: now, clientSetSize: size, keyEnc: null })
      .where(eq(psiSessions.id, row.id));
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'psi_session.answered',
        entityType: 'psi_session',
        entityId: row.id,
        after: { setKind: row.setKind, serverSetSize: row.serverSetSize, clientSetSize: size },
      },
      now,
    );
    return { ...row, keyEnc: row.keyEnc };
  });

  const key = restorePsiKey(decryptField(session.keyEnc, deps.dataKey));
  return {
    sessionId: session.id,
    serverSetSize: session.serverSetSize,
    clientSetSize: size,
    doublyMaskedItems: maskPsiPoints(key, points).map(encodePsiPoint),
  };
}
