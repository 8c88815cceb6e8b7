import { DomainError } from '../errors/domain-error.ts';
import type { RoundingMode } from './rounding-mode.ts';

/**
 * 除法取整 (rounded integer division): `numerator ÷ denominator` rounded to an integer with a named mode.
 * Exact: the quotient and remainder come from bigint division, never from floating point.
 * Example: `divideRounded(5n, 2n, 'halfUp') === 3n`, `divideRounded(-5n, 2n, 'halfUp') === -3n`,
 * `divideRounded(5n, 2n, 'halfEven') === 2n`. Source: design.md "every division names its rounding mode".
 * @throws DomainError('DIVISION_BY_ZERO') when the denominator is 0.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode = 'halfUp'): bigint {
  if (denominator === 0n) throw new DomainError('DIVISION_BY_ZERO');
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }

  const quotient = n / d;
  const remainder = n % d;
  if (remainder === 0n) return quotient;

  const negative = n < 0n;
  const awayFromZero = negative ? quotient - 1n : quotient + 1n;
  const twiceRemainder = (negative ? -remainder : remainder) * 2n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return awayFromZero;
    case 'floor':
      return negative ? awayFromZero : quotient;
    case 'ceiling':
      return negative ? quotient : awayFromZero;
    case 'halfUp':
      return twiceRemainder >= d ? awayFromZero : quotient;
    case 'halfEven':
      if (twiceRemainder > d) return awayFromZero;
      if (twiceRemainder < d) return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
  }
}

/**
 * 按单位取整 (round to a multiple): `numerator ÷ denominator` rounded to a multiple of `multiple`
 * (e.g. an instalment rounded to whole yuan: multiple 100 fen). Formula: `divideRounded(n, d·m, mode)·m`.
 * Example: 30491 fen/100 with multiple 100 → 30500. Source: domain-reference.md, "annuity payment … rounded
 * half-up to the fen or to the product's multiple".
 * @throws DomainError('ROUNDING_MULTIPLE_INVALID') when the multiple is not positive.
 */
export function divideRoundedToMultiple(
  numerator: bigint,
  denominator: bigint,
  multiple: bigint,
  mode: RoundingMode = 'halfUp',
): bigint {
  if (multiple <= 0n) throw new DomainError('ROUNDING_MULTIPLE_INVALID', { value: multiple });
  return divideRounded(numerator, denominator * multiple, mode) * multiple;
}
