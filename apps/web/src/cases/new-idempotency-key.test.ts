import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './new-idempotency-key.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey: one random UUID v4 per repayment form', () => {
  it('is a UUID v4, a different one each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(uuidV4);
  });

  it('builds the UUID from getRandomValues where randomUUID is missing (plain HTTP)', () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto;
    const key = newIdempotencyKey(insecure);
    expect(key).toMatch(uuidV4);
    // The header value the server accepts: 1–100 visible ASCII characters.
    expect(key).toMatch(/^[\x21-\x7e]{1,100}$/);
  });
});
