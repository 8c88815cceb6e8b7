import { createRate, divideRounded, type Rate, type RoundingMode } from '../money/index.ts';

/**
 * 精确分数 (exact ratio): the money package's `Rate` (reduced bigint fraction) used for every intermediate of a
 * valuation, so that nothing is rounded before the final result (design.md "rounded once at the end").
 */
export type ExactRatio = Rate;

/** An integer (e.g. an amount in fen) as a ratio. */
export function ratioOf(value: bigint, denominator = 1n): ExactRatio {
  return createRate(value, denominator);
}

/** `a + b`, exact. */
export function addRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return createRate(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** `a − b`, exact. */
export function subtractRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return createRate(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

/** `a × b`, exact. */
export function multiplyRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return createRate(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** `a ÷ b`, exact. @throws DomainError('DIVISION_BY_ZERO') when b is 0. */
export function divideRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return createRate(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** `base^exponent` for a whole exponent ≥ 0, exact. */
export function powerRatio(base: ExactRatio, exponent: number): ExactRatio {
  const e = BigInt(exponent);
  return createRate(base.numerator ** e, base.denominator ** e);
}

/** 取整 (round once): the ratio rounded to an integer with a named mode (e.g. fen, half-up). */
export function roundRatio(value: ExactRatio, mode: RoundingMode): bigint {
  return divideRounded(value.numerator, value.denominator, mode);
}

/** 保留小数 (round to hundredths): `round(value × 100)`, e.g. a score 71.255 → 7126n with half-up. */
export function roundRatioToHundredths(value: ExactRatio, mode: RoundingMode): bigint {
  return divideRounded(value.numerator * 100n, value.denominator, mode);
}

/** 1 (one) as a ratio. */
export const ONE_RATIO: ExactRatio = { numerator: 1n, denominator: 1n };

/** Formats hundredths (`7126n`) as a decimal string (`"71.26"`), for display and the wire. */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Compares two ratios: negative, 0 or positive as `a` is below, equal to or above `b`. */
export function compareExact(a: ExactRatio, b: ExactRatio): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left === right ? 0 : left < right ? -1 : 1;
}
