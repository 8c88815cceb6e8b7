const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit hash of a string's UTF-8 bytes as 16 lowercase hex digits. Small, pure and fully specified
 * (Fowler–Noll–Vo, IETF draft-eastlake-fnv), so anyone can recompute an expert draw; it is not a
 * cryptographic hash: the platform layer may pass SM3 (node:crypto `createHash('sm3')`) instead.
 * Example: `hashFnv1a64('')` = `cbf29ce484222325`, `hashFnv1a64('a')` = `af63dc4c8601ec8c`.
 */
export function hashFnv1a64(text: string): string {
  let hash = OFFSET;
  for (const byte of encoder.encode(text)) hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  return hash.toString(16).padStart(16, '0');
}
