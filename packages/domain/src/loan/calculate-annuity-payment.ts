import { divideRoundedToMultiple, type Rate } from '../money/index.ts';

/** Input of {@link calculateAnnuityPaymentFen}. */
export interface AnnuityPaymentInput {
  readonly principalFen: bigint;
  /** Nominal rate per period (annual/12 monthly, annual/4 quarterly), exact. */
  readonly periodicRate: Rate;
  readonly periods: number;
  /** Round to this multiple (default 1 fen). */
  readonly multipleFen?: bigint;
}

/**
 * 等额本息每期还款额 (annuity instalment): `P·i·(1+i)^n / ((1+i)^n − 1)` with i the nominal periodic rate,
 * computed exactly as the rational `P·a·(b+a)^n / (b·((b+a)^n − b^n))` for i = a/b and rounded once, half-up, to
 * the fen or the product's multiple; `P/n` when i = 0. Example: 1,000,000.00 at 3.45 %/12 over 12 → 84,898.82;
 * 5,000 at 1 % over 18 to whole yuan → 305. Source: domain-reference.md "Loans".
 */
export function calculateAnnuityPaymentFen(input: AnnuityPaymentInput): bigint {
  const { principalFen, periodicRate, periods } = input;
  const multiple = input.multipleFen ?? 1n;
  const n = BigInt(periods);
  const a = periodicRate.numerator;
  const b = periodicRate.denominator;
  if (a === 0n) return divideRoundedToMultiple(principalFen, n, multiple);
  const growth = (b + a) ** n;
  return divideRoundedToMultiple(principalFen * a * growth, b * (growth - b ** n), multiple);
}
