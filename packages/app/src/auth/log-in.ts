import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { isSecondFactorRequired, type Role } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import { systemActor, type Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { generateToken, hashToken } from '../crypto/tokens.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, type SessionStatus } from './session-status.ts';

export interface LogInInput {
  readonly login: string;
  readonly password: string;
  readonly requestId: string;
}

export interface SessionGrant {
  /** The cookie value; only its hash is stored. */
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly status: SessionStatus;
}

// Verifying against a fixed hash for unknown logins keeps the response time from revealing which logins exist.
const unknownUserHash = hash('unknown-user-timing-equaliser');

/**
 * 登录: checks the password (argon2id), counts failures and locks the account after
 * MAX_FAILED_LOGINS for LOCKOUT_MINUTES, and opens a server-side session that still needs the second factor
 * when the user has enrolled one or the role requires it.
 */
export async function logIn(input: LogInInput, deps: AppDeps): Promise<SessionGrant> {
  const now = deps.clock.now();
  const [user] = await deps.db
    .select()
    .from(tables.users)
    .where(eq(tables.users.login, input.login.trim().toLowerCase()));
  if (user === undefined) {
    await verify(await unknownUserHash, input.password);
    throw new DomainError('LOGIN_FAILED');
  }
  if (user.status === 'disabled') throw new DomainError('ACCOUNT_DISABLED');
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    throw new DomainError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() });
  }

  const passwordOk = await verify(user.passwordHash, input.password);
  const actor = { ...systemActor(input.requestId), userId: user.id };
  if (!passwordOk) {
    await recordFailedLogin(deps, user.id, actor, 'password');
    throw new DomainError('LOGIN_FAILED');
  }

  const [membership] = await deps.db
    .select()
    .from(tables.memberships)
    .where(eq(tables.memberships.userId, user.id))
    .orderBy(tables.memberships.createdAt)
    .limit(1);
  if (membership === undefined) throw new DomainError('ACCOUNT_DISABLED');

  const status: SessionStatus =
    user.totpEnrolledAt !== null
      ? 'second_factor_required'
      : isSecondFactorRequired(membership.role as Role)
        ? 'enrolment_required'
        : 'authenticated';
  const sessionToken = generateToken();
  const csrfToken = generateToken();

  await runInTransaction(deps, async (tx) => {
    await tx
      .update(tables.users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(tables.users.id, user.id));
    await tx.insert(tables.sessions).values({
      tokenHash: hashToken(sessionToken),
      userId: user.id,
      membershipId: membership.id,
      status,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionTtlMinutes * 60_000),
    });
    await deps.audit.append(
      tx,
      { ...actor, organisationId: membership.organisationId, role: membership.role as Role },
      {
        action: 'auth.login_password_accepted',
        entityType: 'user',
        entityId: user.id,
        after: { status },
      },
      now,
    );
  });
  return { sessionToken, csrfToken, status };
}

/**
 * Counts one failed attempt (wrong password or wrong one-time code) and locks the account when the limit is
 * reached; committed on its own because the caller is about to refuse the request. The increment is done in
 * SQL so parallel attempts cannot lose a count.
 */
export async function recordFailedLogin(
  deps: AppDeps,
  userId: string,
  actor: Actor,
  factor: 'password' | 'second_factor',
): Promise<void> {
  const now = deps.clock.now();
  await runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(tables.users)
      .set({ failedLogins: sql`${tables.users.failedLogins} + 1` })
      .where(eq(tables.users.id, userId))
      .returning({ failedLogins: tables.users.failedLogins });
    const failedLogins = row?.failedLogins ?? 0;
    const locks = failedLogins >= MAX_FAILED_LOGINS;
    if (locks) {
      await tx
        .update(tables.users)
        .set({ failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) })
        .where(eq(tables.users.id, userId));
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: locks ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: userId,
        after: { factor, failedLogins },
      },
      now,
    );
  });
}
