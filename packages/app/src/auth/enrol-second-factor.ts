import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { decryptField, encryptField } from '../crypto/field-encryption.ts';
import { generateTotpSecret, totpEnrolmentUrl, verifyTotp } from '../crypto/totp.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { elevateSession } from './verify-second-factor.ts';
import type { SessionGrant } from './log-in.ts';
import { resolveSession } from './resolve-session.ts';

export interface Enrolment {
  readonly otpauthUrl: string;
  /** The QR code of `otpauthUrl` as an SVG document, for the authenticator app to scan. */
  readonly qrSvg: string;
}

/**
 * 绑定动态口令, step 1: for a session awaiting enrolment, creates (once) a pending secret, stored encrypted,
 * and returns it as an otpauth URL and QR code. Calling again shows the same pending secret.
 */
export async function beginSecondFactorEnrolment(sessionToken: string, deps: AppDeps): Promise<Enrolment> {
  const session = await resolveSession(sessionToken, deps);
  if (session.status !== 'enrolment_required') throw new DomainError('SECOND_FACTOR_ALREADY_ENROLLED');
  const secret = await runInTransaction(deps, async (tx) => {
    const [user] = await tx
      .select()
      .from(tables.users)
      .where(eq(tables.users.id, session.user.id))
      .for('update');
    if (user === undefined) throw new DomainError('UNAUTHENTICATED');
    if (user.totpSecretEnc !== null) return decryptField(user.totpSecretEnc, deps.dataKey);
    const fresh = generateTotpSecret();
    await tx
      .update(tables.users)
      .set({ totpSecretEnc: encryptField(fresh, deps.dataKey) })
      .where(eq(tables.users.id, user.id));
    return fresh;
  });
  const otpauthUrl = totpEnrolmentUrl(secret, session.user.login);
  return { otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
}

/** 绑定动态口令, step 2: the first code from the app proves the secret was scanned; the session is elevated. */
export async function confirmSecondFactorEnrolment(
  input: { readonly sessionToken: string; readonly code: string; readonly requestId: string },
  deps: AppDeps,
): Promise<SessionGrant> {
  const session = await resolveSession(input.sessionToken, deps);
  if (session.status !== 'enrolment_required') throw new DomainError('SECOND_FACTOR_ALREADY_ENROLLED');
  const [user] = await deps.db.select().from(tables.users).where(eq(tables.users.id, session.user.id));
  if (user?.totpSecretEnc == null) throw new DomainError('SECOND_FACTOR_NOT_PENDING');
  const now = deps.clock.now();
  const step = verifyTotp(decryptField(user.totpSecretEnc, deps.dataKey), input.code, now.getTime());
  if (step === null) throw new DomainError('SECOND_FACTOR_INVALID');
  const actor = { ...session.actor, requestId: input.requestId };
  return elevateSession(
    deps,
    session.tokenHash,
    actor,
    { totpEnrolledAt: now, totpLastStep: step },
    'auth.second_factor_enrolled',
  );
}
