import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseCapitalAmount } from './format-chinese-capital-amount.ts';

describe('formatChineseCapitalAmount', () => {
  it.each([
    [100000000n, '壹佰万元整'],
    [8489882n, '捌万肆仟捌佰玖拾捌元捌角贰分'],
    [5n, '伍分'],
    [10n, '壹角'],
    [15n, '壹角伍分'],
    [10000010n, '壹拾万元零壹角'],
    [1005000n, '壹万零伍拾元整'],
    [0n, '零元整'],
    [105n, '壹元零伍分'],
    [168032n, '壹仟陆佰捌拾元零叁角贰分'],
    [1000n, '壹拾元整'],
    [10010000n, '壹拾万零壹佰元整'],
    [10100000000n, '壹亿零壹佰万元整'],
    [10000000100n, '壹亿零壹元整'],
    [100000000000000n, '壹万亿元整'],
    [-5000n, '负伍拾元整'],
  ])('writes %s fen as %s', (fen, expected) => {
    expect(formatChineseCapitalAmount(fen)).toBe(expected);
  });

  it('rejects an amount beyond the 万亿 unit', () => {
    expect(() => formatChineseCapitalAmount(10n ** 18n)).toThrow('FIELD_OUT_OF_RANGE');
  });

  it('never writes two 零 in a row, never ends on 零, and ends with 整 exactly when there are no 角 and 分', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }), (fen) => {
        const text = formatChineseCapitalAmount(fen);
        expect(text).not.toContain('零零');
        expect(text.endsWith('零')).toBe(false);
        expect(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(text)).toBe(true);
        expect(text.endsWith('整')).toBe(fen % 100n === 0n);
      }),
    );
  });
});
