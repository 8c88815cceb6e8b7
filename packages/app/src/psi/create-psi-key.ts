import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * A per-session PSI secret: an X25519 private key (RFC 7748). Raising points to it is `maskPsiPoints`. The key
 * is random, used for one session only and never leaves the party that made it (the server keeps its own sealed
 * with the data key until the session is answered or expires).
 */
export interface PsiKey {
  readonly privateKey: KeyObject;
}

export function createPsiKey(): PsiKey {
  return { privateKey: generateKeyPairSync('x25519').privateKey };
}

/** The key's secret as base64url (JWK `d`), for sealing with `encryptField`. */
export function exportPsiKey(key: PsiKey): string {
  const jwk = key.privateKey.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string' || typeof jwk.x !== 'string')
    throw new Error('exportPsiKey: not an X25519 key');
  return `${jwk.d}.${jwk.x}`;
}

export function restorePsiKey(exported: string): PsiKey {
  const [d, x] = exported.split('.');
  if (d === undefined || x === undefined) throw new Error('restorePsiKey: unknown format');
  return { privateKey: createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d, x }, format: 'jwk' }) };
}
