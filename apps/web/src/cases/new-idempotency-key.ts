/**
 * 幂等键 (a new idempotency key): a random UUID v4 for one repayment form opening. `crypto.randomUUID` exists only
 * in secure contexts (HTTPS, localhost), so on plain HTTP the same UUID is built from `crypto.getRandomValues`
 * (RFC 9562 §5.4: version 4, variant 10). Source: issue 6 item 2; draft-ietf-httpapi-idempotency-key-header.
 */
export function newIdempotencyKey(random: Crypto = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
