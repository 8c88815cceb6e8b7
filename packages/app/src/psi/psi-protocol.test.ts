import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ed25519, ed25519_hasher, edwardsToMontgomeryPub } from '@noble/curves/ed25519.js';
import { findPsiIntersection } from '@ipf/domain/psi';
import { createPsiKey, exportPsiKey, restorePsiKey } from './create-psi-key.ts';
import { hashPsiItems, PSI_HASH_TO_CURVE_DST } from './hash-psi-items.ts';
import { maskPsiPoints } from './mask-psi-points.ts';
import { encodePsiPoint } from './psi-limits.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** One whole ECDH-PSI run in memory: the bank's side and the server's, as `runPsiClient` and the use cases do. */
function runPsi(bankItems: readonly string[], serverItems: readonly string[]): string[] {
  const bankKey = createPsiKey();
  const serverKey = createPsiKey();
  const maskedServerSet = maskPsiPoints(serverKey, hashPsiItems(serverItems));
  const maskedItems = maskPsiPoints(bankKey, hashPsiItems(bankItems));
  const doublyMaskedItems = maskPsiPoints(serverKey, maskedItems).map(encodePsiPoint);
  const doublyMaskedServerSet = maskPsiPoints(bankKey, maskedServerSet).map(encodePsiPoint);
  return findPsiIntersection({ items: bankItems, doublyMaskedItems, doublyMaskedServerSet });
}

describe('ECDH-PSI on Curve25519 (X25519 with hash_to_curve curve25519_XMD:SHA-512_ELL2_RO_)', () => {
  it('hashes to the RFC 9380 point: X25519(k, our u) equals (k/8)·hash_to_curve(item) computed by @noble/curves', () => {
    const key = createPsiKey();
    const secret = Buffer.from(exportPsiKey(key).split('.')[0]!, 'base64url');
    secret[0]! &= 248;
    secret[31]! &= 127;
    secret[31]! |= 64;
    const clampedOver8 = BigInt(`0x${Buffer.from(secret).reverse().toString('hex')}`) / 8n;
    for (const item of ['91440300MA5F000001', '', '统一社会信用代码', 'x'.repeat(300)]) {
      const [ours] = maskPsiPoints(key, hashPsiItems([item]));
      const point = ed25519_hasher.hashToCurve(new TextEncoder().encode(item), {
        DST: PSI_HASH_TO_CURVE_DST,
      });
      const multiple = ed25519.Point.fromAffine(point.toAffine()).multiply(clampedOver8);
      const expected = edwardsToMontgomeryPub(multiple.toBytes());
      expect(hex(ours!)).toBe(hex(expected));
    }
  });

  it('the masking commutes, so the jointly masked values of an item agree whoever masks first', () => {
    const a = createPsiKey();
    const b = createPsiKey();
    const points = hashPsiItems(['91440300MA5F000001', '91440300MA5F000002']);
    const ab = maskPsiPoints(b, maskPsiPoints(a, points)).map(hex);
    const ba = maskPsiPoints(a, maskPsiPoints(b, points)).map(hex);
    expect(ab).toEqual(ba);
    expect(ab[0]).not.toBe(ab[1]);
  });

  it('finds exactly the intersection of random sets with overlaps (property)', () => {
    const code = fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(code, { maxLength: 12 }),
        fc.uniqueArray(code, { maxLength: 12 }),
        fc.uniqueArray(code, { maxLength: 6 }),
        (onlyBank, onlyServer, shared) => {
          const bank = [...new Set([...onlyBank, ...shared])];
          const server = [...new Set([...onlyServer, ...shared])];
          const expected = bank.filter((item) => server.includes(item));
          expect(runPsi(bank, server)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a restored session key masks exactly as the key it was exported from', () => {
    const key = createPsiKey();
    const restored = restorePsiKey(exportPsiKey(key));
    const points = hashPsiItems(['91440300MA5F000001']);
    expect(maskPsiPoints(restored, points).map(hex)).toEqual(maskPsiPoints(key, points).map(hex));
  });

  it('the same item masked under two session keys gives unrelated values (sessions cannot be linked)', () => {
    const points = hashPsiItems(['91440300MA5F000001']);
    const first = maskPsiPoints(createPsiKey(), points).map(hex);
    const second = maskPsiPoints(createPsiKey(), points).map(hex);
    expect(first[0]).not.toBe(second[0]);
  });

  it('refuses a point of small order (the all-zero X25519 result) with PSI_ITEM_INVALID and its index', () => {
    const points = [...hashPsiItems(['a']), new Uint8Array(32)];
    expect(() => maskPsiPoints(createPsiKey(), points)).toThrow(
      expect.objectContaining({ code: 'PSI_ITEM_INVALID', params: { index: 1 } }),
    );
  });
});
