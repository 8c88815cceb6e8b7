import { daysBetween, days30360Between, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/index.ts';
import { createRate, divideRounded, type Rate, type RoundingMode } from '../money/index.ts';
import type { InterestBasis } from './loan-types.ts';

/** Input of {@link calculateAccruedInterest}. */
export interface AccruedInterestInput {
  readonly principalFen: bigint;
  readonly annualRate: Rate;
  readonly fromDate: IsoDate;
  readonly toDate: IsoDate;
  /** Day count; default ACT/360 (part periods, domain-reference.md conventions). `monthly` is not a day count. */
  readonly basis?: Exclude<InterestBasis, 'monthly'>;
}

/** 应计利息 (accrued interest): the exact amount in fen as a fraction, and the half-up posting in fen. */
export interface AccruedInterest {
  readonly exactFen: Rate;
  readonly interestFen: bigint;
}

/**
 * 应计利息 (interest accrued between two dates): `principal × annual × days / 360` (ACT/360 default; ACT/365 or
 * 30/360 on request), kept exact; `interestFen` is the same amount rounded once half-up, as posted.
 * Example: 84,898.82 at 5.175 % for 10 days = 122.0421… → 122.04. Source: domain-reference.md conventions.
 * @throws DomainError('ACCRUAL_PERIOD_INVALID') when `toDate` precedes `fromDate`.
 */
export function calculateAccruedInterest(input: AccruedInterestInput): AccruedInterest {
  const basis = input.basis ?? 'ACT/360';
  const days =
    basis === '30/360'
      ? days30360Between(input.fromDate, input.toDate)
      : daysBetween(input.fromDate, input.toDate);
  if (days < 0)
    throw new DomainError('ACCRUAL_PERIOD_INVALID', { fromDate: input.fromDate, toDate: input.toDate });
  const yearDays = basis === 'ACT/365' ? 365n : 360n;
  const exactFen = createRate(
    input.principalFen * input.annualRate.numerator * BigInt(days),
    input.annualRate.denominator * yearDays,
  );
  return { exactFen, interestFen: divideRounded(exactFen.numerator, exactFen.denominator) };
}

/**
 * 逐日计提 (accrue one more day, unrounded): adds `balance × annual / yearDays` to an exact running total.
 * Keeps the denominator `annual.denominator × yearDays` fixed so the book accrues with one multiply and one add
 * per loan-day; round only when posting ({@link postAccruedInterestFen}). Source: conventions "daily accrual".
 */
export function accrueDailyInterest(
  accruedFen: Rate,
  balanceFen: bigint,
  annualRate: Rate,
  yearDays = 360n,
): Rate {
  const denominator = annualRate.denominator * yearDays;
  if (accruedFen.denominator !== denominator) {
    return {
      numerator:
        accruedFen.numerator * denominator + balanceFen * annualRate.numerator * accruedFen.denominator,
      denominator: accruedFen.denominator * denominator,
    };
  }
  return { numerator: accruedFen.numerator + balanceFen * annualRate.numerator, denominator };
}

/** 入账 (post accrued interest): the exact running total rounded once to the fen, half-up by default. */
export function postAccruedInterestFen(accruedFen: Rate, mode: RoundingMode = 'halfUp'): bigint {
  return divideRounded(accruedFen.numerator, accruedFen.denominator, mode);
}
