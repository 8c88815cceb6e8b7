import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (session cookie, API token, CSRF token): 32 bytes, base64url. */
export function generateToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as SHA-256, so a leaked table grants nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
