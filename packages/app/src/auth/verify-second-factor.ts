import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { decryptField } from '../crypto/field-encryption.ts';
import { generateToken, hashToken } from '../crypto/tokens.ts';
import { verifyTotp } from '../crypto/totp.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { recordFailedLogin, type SessionGrant } from './log-in.ts';
import { resolveSession } from './resolve-session.ts';

export interface VerifySecondFactorInput {
  readonly sessionToken: string;
  readonly code: string;
  readonly requestId: string;
}

/**
 * 动态口令验证: accepts a TOTP code (±1 step, never a step already used) for a session awaiting it, then
 * replaces the session token (no session fixation across the privilege change). Wrong codes count towards
 * the lock-out like wrong passwords.
 */
export async function verifySecondFactor(
  input: VerifySecondFactorInput,
  deps: AppDeps,
): Promise<SessionGrant> {
  const session = await resolveSession(input.sessionToken, deps);
  if (session.status !== 'second_factor_required') throw new DomainError('SECOND_FACTOR_NOT_PENDING');
  const [user] = await deps.db.select().from(tables.users).where(eq(tables.users.id, session.user.id));
  if (user?.totpSecretEnc == null) throw new DomainError('SECOND_FACTOR_NOT_PENDING');

  const now = deps.clock.now();
  const actor = { ...session.actor, requestId: input.requestId };
  if (user.lockedUntil !== null && user.lockedUntil > now)
    throw new DomainError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() });
  const step = verifyTotp(decryptField(user.totpSecretEnc, deps.dataKey), input.code, now.getTime());
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    await recordFailedLogin(deps, user.id, actor, 'second_factor');
    throw new DomainError('SECOND_FACTOR_INVALID');
  }
  return elevateSession(
    deps,
    session.tokenHash,
    actor,
    { totpLastStep: step },
    'auth.second_factor_accepted',
  );
}

/** Replaces a pending session with an authenticated one under a new token, in one transaction. */
export async function elevateSession(
  deps: AppDeps,
  oldTokenHash: string,
  actor: Parameters<AppDeps['audit']['append']>[1],
  userChanges: Partial<typeof tables.users.$inferInsert>,
  action: string,
): Promise<SessionGrant> {
  const now = deps.clock.now();
  const sessionToken = generateToken();
  const csrfToken = generateToken();
  await runInTransaction(deps, async (tx) => {
    const [old] = await tx
      .delete(tables.sessions)
      .where(eq(tables.sessions.tokenHash, oldTokenHash))
      .returning();
    if (old === undefined) throw new DomainError('UNAUTHENTICATED');
    await tx
      .update(tables.users)
      .set({ ...userChanges, failedLogins: 0 })
      .where(eq(tables.users.id, actor.userId));
    await tx.insert(tables.sessions).values({
      ...old,
      tokenHash: hashToken(sessionToken),
      csrfToken,
      status: 'authenticated',
      createdAt: now,
    });
    await deps.audit.append(
      tx,
      actor,
      { action, entityType: 'user', entityId: actor.userId, after: { status: 'authenticated' } },
      now,
    );
  });
  return { sessionToken, csrfToken, status: 'authenticated' };
}
