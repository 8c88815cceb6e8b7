import { createHmac } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: '知识产权质押融资平台',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random TOTP secret (RFC 6238, 160 bits) in base32. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URL an authenticator app scans at enrolment. */
export function totpEnrolmentUrl(secretBase32: string, login: string): string {
  return totpFor(secretBase32, login).toString();
}

/**
 * Checks a 6-digit code within ±1 step of `atMs` and returns the accepted time step, or null. The caller
 * rejects a step not greater than the last accepted one, so a code cannot be replayed.
 */
export function verifyTotp(secretBase32: string, code: string, atMs: number): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: atMs, window: 1 });
  if (delta === null) return null;
  return BigInt(Math.floor(atMs / 1000 / PERIOD_SECONDS) + delta);
}

export function generateTotpCode(secretBase32: string, atMs: number): string {
  return totpFor(secretBase32).generate({ timestamp: atMs });
}

/**
 * Demo users' TOTP secrets derive from the demo seed (HMAC-SHA256(seed, "totp:" + login), first 20 bytes), so
 * `demo totp <login>` can print the current code without a phone and without opening the database.
 */
export function deriveDemoTotpSecret(demoSeed: string, login: string): string {
  const bytes = createHmac('sha256', demoSeed).update(`totp:${login}`).digest().subarray(0, 20);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })
    .base32;
}
