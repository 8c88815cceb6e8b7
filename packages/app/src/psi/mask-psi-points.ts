import { createPublicKey, diffieHellman } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import type { PsiKey } from './create-psi-key.ts';

/**
 * 盲化 (masking): raises every point (32-byte X25519 u-coordinate) to the key, `X25519(k, u)` (RFC 7748 §5), with
 * Node's native X25519. The point enters as a JWK public key, which OpenSSL imports about six times faster than
 * DER. A point of small order (the all-zero result RFC 7748 §6.1 refuses) is PSI_ITEM_INVALID with its index.
 */
export function maskPsiPoints(key: PsiKey, points: readonly Uint8Array[]): Buffer[] {
  const masked: Buffer[] = new Array<Buffer>(points.length);
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (point.length !== 32) throw new DomainError('PSI_ITEM_INVALID', { index: i });
    try {
      const publicKey = createPublicKey({
        key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(point).toString('base64url') },
        format: 'jwk',
      });
      masked[i] = diffieHellman({ privateKey: key.privateKey, publicKey });
    } catch (error) {
      throw new DomainError('PSI_ITEM_INVALID', { index: i }, { cause: error });
    }
  }
  return masked;
}
