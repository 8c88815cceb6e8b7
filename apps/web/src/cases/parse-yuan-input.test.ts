import { describe, expect, it } from 'vitest';
import { parseYuanInput } from './parse-yuan-input.ts';

describe('parseYuanInput: 元 typed by a person → exact fen and the wire yuan string', () => {
  it('converts whole and fractional yuan exactly, padding to two decimals', () => {
    expect(parseYuanInput('1000000')).toEqual({ fen: 100_000_000n, yuan: '1000000.00' });
    expect(parseYuanInput('0.1')).toEqual({ fen: 10n, yuan: '0.10' });
    expect(parseYuanInput('84898.82')).toEqual({ fen: 8_489_882n, yuan: '84898.82' });
    expect(parseYuanInput('12.')).toEqual({ fen: 1200n, yuan: '12.00' });
  });

  it('keeps every fen of sums beyond a double’s exact range', () => {
    expect(parseYuanInput('90071992547409.93')).toEqual({
      fen: 9_007_199_254_740_993n,
      yuan: '90071992547409.93',
    });
  });

  it('accepts grouping commas, spaces, a ¥ sign and full-width digits', () => {
    expect(parseYuanInput(' ¥1,000,000.50 ')?.yuan).toBe('1000000.50');
    expect(parseYuanInput('１２３．４５')?.yuan).toBe('123.45');
    expect(parseYuanInput('007')?.yuan).toBe('7.00');
  });

  it('refuses a third decimal, a sign, an exponent, letters and empty input', () => {
    for (const bad of ['1.005', '-5', '+5', '1e6', 'abc', '', '.5', '1.2.3'])
      expect(parseYuanInput(bad), bad).toBeNull();
  });
});
