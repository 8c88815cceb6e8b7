import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { divideRounded, divideRoundedToMultiple } from './divide-rounded.ts';
import { ROUNDING_MODES, type RoundingMode } from './rounding-mode.ts';

describe('divideRounded', () => {
  const table: [bigint, bigint, Record<RoundingMode, bigint>][] = [
    [5n, 2n, { halfUp: 3n, halfEven: 2n, down: 2n, up: 3n, floor: 2n, ceiling: 3n }],
    [-5n, 2n, { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n, floor: -3n, ceiling: -2n }],
    [7n, 2n, { halfUp: 4n, halfEven: 4n, down: 3n, up: 4n, floor: 3n, ceiling: 4n }],
    [11n, 10n, { halfUp: 1n, halfEven: 1n, down: 1n, up: 2n, floor: 1n, ceiling: 2n }],
    [-16n, 10n, { halfUp: -2n, halfEven: -2n, down: -1n, up: -2n, floor: -2n, ceiling: -1n }],
    [5n, -2n, { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n, floor: -3n, ceiling: -2n }],
  ];
  it.each(table)('rounds %s ÷ %s in every named mode as the mode defines', (n, d, expected) => {
    for (const mode of ROUNDING_MODES)
      expect([mode, divideRounded(n, d, mode)]).toEqual([mode, expected[mode]]);
  });

  it('defaults to half-up (四舍五入) and is exact where Math.round(1.005 * 100) is not', () => {
    expect(divideRounded(1005n, 10n)).toBe(101n);
  });

  it('returns exact quotients unchanged in every mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 20n), 10n ** 20n),
        fc.bigInt(1n, 10n ** 9n),
        fc.constantFrom(...ROUNDING_MODES),
        (q, d, mode) => {
          expect(divideRounded(q * d, d, mode)).toBe(q);
        },
      ),
    );
  });

  it('stays within one unit of the true quotient and half-up is at most half a unit off', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 20n), 10n ** 20n),
        fc.bigInt(1n, 10n ** 9n),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          const diff = q * d - n;
          expect(diff < 0n ? -diff : diff).toBeLessThan(d);
          const half = divideRounded(n, d, 'halfUp') * d * 2n - 2n * n;
          expect(half < 0n ? -half : half).toBeLessThanOrEqual(d);
        },
      ),
    );
  });

  it('rejects division by zero with DIVISION_BY_ZERO', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(DomainError);
  });

  it('rounds to a configured multiple (an instalment of 304.91 yuan to whole yuan is 305)', () => {
    expect(divideRoundedToMultiple(30491n, 1n, 100n)).toBe(30500n);
    expect(divideRoundedToMultiple(30449n, 1n, 100n)).toBe(30400n);
    expect(() => divideRoundedToMultiple(1n, 1n, 0n)).toThrow(DomainError);
  });
});
