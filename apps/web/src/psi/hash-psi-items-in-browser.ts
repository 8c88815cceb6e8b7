import { calculateCurve25519Inputs, CURVE25519_P } from '@ipf/domain/psi';

/** The hash-to-curve suite of the platform's PSI (RFC 9380 §8.5); the server names it when a session opens. */
export const PSI_SUITE = 'curve25519_XMD:SHA-512_ELL2_RO_';
/** The platform's domain separation tag (RFC 9380 §3.1); must equal the server's byte for byte. */
export const PSI_DST = `IPF-PSI-V1-${PSI_SUITE}`;

/** How many items are hashed concurrently: WebCrypto digests are asynchronous, one batch at a time keeps memory flat. */
const BATCH = 512;

const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const sha512 = async (data: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(await crypto.subtle.digest('SHA-512', data));

const toBigInt = (bytes: Uint8Array): bigint => {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return BigInt(`0x${hex}`);
};

/**
 * expand_message_xmd(msg, DST, 96) with SHA-512 (RFC 9380 §5.3.1), then two field elements mod p (§5.2,
 * L = 48 bytes each), with WebCrypto's SHA-512 so that it runs in the browser as in Node.
 */
async function hashToField(message: Uint8Array, dstPrime: Uint8Array): Promise<readonly [bigint, bigint]> {
  const b0 = await sha512(concat(new Uint8Array(128), message, new Uint8Array([0, 96, 0]), dstPrime));
  const b1 = await sha512(concat(b0, new Uint8Array([1]), dstPrime));
  const xored = new Uint8Array(64);
  for (let i = 0; i < 64; i++) xored[i] = b0[i]! ^ b1[i]!;
  const b2 = await sha512(concat(xored, new Uint8Array([2]), dstPrime));
  const uniform = concat(b1, b2);
  return [
    toBigInt(uniform.subarray(0, 48)) % CURVE25519_P,
    toBigInt(uniform.subarray(48, 96)) % CURVE25519_P,
  ];
}

/**
 * 哈希到曲线 in the browser: each item (UTF-8) to its X25519 input u-coordinate by `curve25519_XMD:SHA-512_ELL2_RO_`
 * with the platform's tag — the same points as the server's `hashPsiItems`, so that a bank's list is hashed and
 * masked before anything leaves the page. The map and the point addition are the domain's (`@ipf/domain/psi`).
 */
export async function hashPsiItemsInBrowser(items: readonly string[], dst = PSI_DST): Promise<Uint8Array[]> {
  const tag = new TextEncoder().encode(dst);
  if (tag.length > 255) throw new Error('hashPsiItemsInBrowser: DST longer than 255 bytes');
  const dstPrime = concat(tag, new Uint8Array([tag.length]));
  const encoder = new TextEncoder();
  const points: Uint8Array[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const pairs = await Promise.all(
      items.slice(start, start + BATCH).map((item) => hashToField(encoder.encode(item), dstPrime)),
    );
    points.push(...calculateCurve25519Inputs(pairs));
  }
  return points;
}
