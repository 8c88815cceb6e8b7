import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocate-largest-remainder.ts';

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe('allocateLargestRemainder', () => {
  it('gives the leftover fen to the largest remainders, ties to the first listed', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(200n, [1n, 1n, 1n])).toEqual([67n, 67n, 66n]);
    expect(allocateLargestRemainder(10n, [1n, 2n])).toEqual([3n, 7n]);
    expect(allocateLargestRemainder(1n, [3n, 3n])).toEqual([1n, 0n]);
  });

  it('splits a 60:20:20 risk share of 1,000,000.01 yuan to the fen', () => {
    expect(allocateLargestRemainder(100000001n, [60n, 20n, 20n])).toEqual([60000001n, 20000000n, 20000000n]);
  });

  it('gives zero weights nothing', () => {
    expect(allocateLargestRemainder(7n, [0n, 1n, 0n, 1n])).toEqual([0n, 4n, 0n, 3n]);
  });

  it('splits a negative total symmetrically', () => {
    expect(allocateLargestRemainder(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('rejects negative weights and weights that are all zero', () => {
    expect(() => allocateLargestRemainder(1n, [1n, -1n])).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_WEIGHTS_INVALID' }),
    );
    expect(() => allocateLargestRemainder(1n, [0n, 0n])).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_WEIGHTS_INVALID' }),
    );
    expect(() => allocateLargestRemainder(1n, [])).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_WEIGHTS_INVALID' }),
    );
  });

  const weightsArb = fc
    .array(fc.bigInt(0n, 10n ** 12n), { minLength: 1, maxLength: 20 })
    .filter((weights) => weights.some((w) => w > 0n));

  it('always returns parts that add up to the whole', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 15n), 10n ** 15n), weightsArb, (total, weights) => {
        const parts = allocateLargestRemainder(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sum(parts)).toBe(total);
      }),
    );
  });

  it('keeps every part within one fen of its exact proportional share and zero-weight parts at zero', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 15n), weightsArb, (total, weights) => {
        const parts = allocateLargestRemainder(total, weights);
        const weightSum = sum(weights);
        parts.forEach((part, i) => {
          const exact = total * weights[i]!;
          expect(part * weightSum >= exact - weightSum && part * weightSum <= exact + weightSum).toBe(true);
          if (weights[i] === 0n) expect(part).toBe(0n);
        });
      }),
    );
  });

  it('is symmetric in the sign of the total', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 15n), weightsArb, (total, weights) => {
        expect(allocateLargestRemainder(-total, weights)).toEqual(
          allocateLargestRemainder(total, weights).map((p) => -p),
        );
      }),
    );
  });
});
