import { describe, expect, it } from 'vitest';
import {
  addRates,
  applyRate,
  compareRates,
  createRate,
  formatRatePct,
  multiplyRates,
  parseBps,
  parseRatePct,
  rateFromBps,
} from './rate.ts';

describe('exact rates', () => {
  it('parses the wire percent "3.45" into the exact fraction 345/10000 (reduced 69/2000)', () => {
    expect(parseRatePct('3.45')).toEqual({ numerator: 69n, denominator: 2000n });
    expect(parseRatePct('12')).toEqual({ numerator: 3n, denominator: 25n });
    expect(parseRatePct('0')).toEqual({ numerator: 0n, denominator: 1n });
  });

  it.each(['', '3,45', '3.', '.5', '1e2', '03.45', '3.123456789', 'abc'])(
    'rejects the rate %j with RATE_FORMAT_INVALID',
    (text) => {
      expect(() => parseRatePct(text)).toThrow(expect.objectContaining({ code: 'RATE_FORMAT_INVALID' }));
    },
  );

  it('adds an LPR and a spread in basis points exactly (3.45 % + 50 bps = 3.95 %)', () => {
    expect(addRates(parseRatePct('3.45'), rateFromBps(50n))).toEqual(parseRatePct('3.95'));
    expect(addRates(parseRatePct('3.10'), rateFromBps(-20n))).toEqual(parseRatePct('2.9'));
  });

  it('marks the contract rate up by 50 % for penalty interest: 3.45 % × 1.5 = 5.175 %', () => {
    const penalty = multiplyRates(parseRatePct('3.45'), createRate(150n, 100n));
    expect(penalty).toEqual(parseRatePct('5.175'));
    expect(formatRatePct(penalty, 4)).toBe('5.1750');
    expect(formatRatePct(penalty)).toBe('5.18');
  });

  it('parses integer basis points strictly', () => {
    expect(parseBps('-20')).toBe(-20n);
    expect(() => parseBps('1.5')).toThrow(expect.objectContaining({ code: 'BASIS_POINTS_INVALID' }));
  });

  it('applies a rate to fen exactly and rounds once half-up (1,000,000 × 3.45 %/12 = 2,875.00)', () => {
    expect(applyRate(100000000n, multiplyRates(parseRatePct('3.45'), createRate(1n, 12n)))).toBe(287500n);
    expect(compareRates(parseRatePct('3.45'), parseRatePct('3.5'))).toBe(-1);
  });
});
