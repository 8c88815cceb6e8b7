import { createHash } from 'node:crypto';

/** SM3 摘要 (SM3 digest, GB/T 32905-2016) of the bytes, lower-case hex: `"abc"` → `66c7f0f4…8f4ba8e0`. */
export function calculateSm3DigestHex(bytes: Uint8Array): string {
  return createHash('sm3').update(bytes).digest('hex');
}
