import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from './format-yuan.ts';
import { isYuanString, parseYuan } from './parse-yuan.ts';

describe('parseYuan and formatYuan', () => {
  it.each([
    ['84898.82', 8489882n],
    ['0', 0n],
    ['0.5', 50n],
    ['-12.3', -1230n],
    ['1000000.00', 100000000n],
    ['-0.01', -1n],
  ])('parses the yuan string %s into %s fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each(['', '1.', '.5', '1.234', '+1', '1e3', '1,000', ' 1', '01', 'abc', '--1', '1.2.3', 'NaN'])(
    'rejects %j with MONEY_FORMAT_INVALID',
    (text) => {
      expect(() => parseYuan(text)).toThrow(
        expect.objectContaining({ code: 'MONEY_FORMAT_INVALID', params: { value: text } }),
      );
      expect(isYuanString(text)).toBe(false);
    },
  );

  it.each([
    [8489882n, '84898.82'],
    [0n, '0.00'],
    [5n, '0.05'],
    [-1230n, '-12.30'],
    [-5n, '-0.05'],
  ])('formats %s fen as %s with two decimals', (fen, text) => expect(formatYuan(fen)).toBe(text));

  it('round-trips every fen amount through the wire format', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 18n), 10n ** 18n), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});
