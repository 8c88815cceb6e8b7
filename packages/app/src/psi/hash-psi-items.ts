import { createHash } from 'node:crypto';
import { calculateCurve25519Inputs, CURVE25519_P } from '@ipf/domain/psi';

/**
 * Domain separation tag of the platform's PSI (RFC 9380 §3.1: one tag per application and suite). Both sides
 * must hash with the same tag; a new protocol version gets a new tag.
 */
export const PSI_HASH_TO_CURVE_DST = 'IPF-PSI-V1-curve25519_XMD:SHA-512_ELL2_RO_';
/** The suite whose map and point addition `hashPsiItems` follows (RFC 9380 §8.5). */
export const PSI_HASH_TO_CURVE_SUITE = 'curve25519_XMD:SHA-512_ELL2_RO_';

const dstPrime = Buffer.concat([
  Buffer.from(PSI_HASH_TO_CURVE_DST, 'utf8'),
  Buffer.from([Buffer.byteLength(PSI_HASH_TO_CURVE_DST, 'utf8')]),
]);
// SHA-512 block size 128 bytes: Z_pad; len_in_bytes = 2 field elements × L = 48 bytes (k = 128) = 96.
const zPad = Buffer.alloc(128);
const lengthAndZero = Buffer.from([0, 96, 0]);
const prefixHash = createHash('sha512').update(zPad);

/** expand_message_xmd(msg, DST, 96) with SHA-512 (RFC 9380 §5.3.1), then two field elements mod p (§5.2). */
function hashToField(message: Buffer): readonly [bigint, bigint] {
  const b0 = prefixHash.copy().update(message).update(lengthAndZero).update(dstPrime).digest();
  const b1 = createHash('sha512')
    .update(b0)
    .update(Buffer.from([1]))
    .update(dstPrime)
    .digest();
  const xored = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) xored[i] = b0[i]! ^ b1[i]!;
  const b2 = createHash('sha512')
    .update(xored)
    .update(Buffer.from([2]))
    .update(dstPrime)
    .digest();
  const uniform = Buffer.concat([b1, b2]);
  return [
    BigInt(`0x${uniform.subarray(0, 48).toString('hex')}`) % CURVE25519_P,
    BigInt(`0x${uniform.subarray(48, 96).toString('hex')}`) % CURVE25519_P,
  ];
}

/**
 * Hashes each item (UTF-8) to Curve25519 by `curve25519_XMD:SHA-512_ELL2_RO_` with the platform's tag, as the
 * X25519 input u-coordinate (the cofactor is cleared by X25519's clamping, see `@ipf/domain/psi`).
 */
export function hashPsiItems(items: readonly string[]): Uint8Array[] {
  return calculateCurve25519Inputs(items.map((item) => hashToField(Buffer.from(item, 'utf8'))));
}
