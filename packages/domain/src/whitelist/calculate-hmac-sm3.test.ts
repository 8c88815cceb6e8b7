import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateHmacSm3, calculateSm3, toHex } from './calculate-hmac-sm3.ts';

const bytes = (length: number, f: (i: number) => number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => f(i));

describe('calculateSm3', () => {
  it('matches the examples of GB/T 32905-2016 (appendix A)', () => {
    expect(toHex(calculateSm3(new TextEncoder().encode('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(toHex(calculateSm3(new TextEncoder().encode('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('equals OpenSSL SM3 (node:crypto) on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        expect(toHex(calculateSm3(input))).toBe(createHash('sm3').update(input).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('calculateHmacSm3', () => {
  it('matches the HMAC-SM3 test vectors of GM/T 0042-2015 appendix D.3', () => {
    expect(
      toHex(
        calculateHmacSm3(
          bytes(32, (i) => i + 1),
          'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
        ),
      ),
    ).toBe('ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a');
    expect(
      toHex(
        calculateHmacSm3(
          bytes(37, (i) => i + 1),
          bytes(50, () => 0xcd),
        ),
      ),
    ).toBe('220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae');
  });

  it('equals OpenSSL HMAC-SM3 (node:crypto) for short, block-sized and long keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 200 }), (key, message) => {
        expect(toHex(calculateHmacSm3(key, message))).toBe(
          createHmac('sm3', key).update(message).digest('hex'),
        );
      }),
      { numRuns: 200 },
    );
  });
});
