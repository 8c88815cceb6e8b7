import { daysBetween, days30360Between, type IsoDate } from '../calendar/index.ts';
import type { Rate } from '../money/index.ts';
import type { InterestBasis } from './loan-types.ts';

/** One accrual period of a schedule; `full` when it is a whole scheduled period of `months` months. */
export interface AccrualPeriod {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly full: boolean;
  /** Months of a whole period (1 monthly, 3 quarterly, the term for a bullet loan). */
  readonly months: number;
}

/**
 * 计息期利率 (the rate of one accrual period) as an exact fraction of the annual rate's year, following the
 * conventions table of domain-reference.md: a full period uses the basis (`monthly` = months/12, `ACT/360` =
 * days/360, `ACT/365` = days/365, `30/360` = 30/360 days/360); a part period (broken first period, prepayment,
 * last part before maturity) accrues actual days × annual/360. Returns `annual × factor` as a rational.
 */
export function calculatePeriodRate(annualRate: Rate, period: AccrualPeriod, basis: InterestBasis): Rate {
  const [factorNumerator, factorDenominator] = periodFactor(period, basis);
  return {
    numerator: annualRate.numerator * factorNumerator,
    denominator: annualRate.denominator * factorDenominator,
  };
}

function periodFactor(period: AccrualPeriod, basis: InterestBasis): [bigint, bigint] {
  if (!period.full) return [BigInt(daysBetween(period.startDate, period.endDate)), 360n];
  switch (basis) {
    case 'monthly':
      return [BigInt(period.months), 12n];
    case 'ACT/360':
      return [BigInt(daysBetween(period.startDate, period.endDate)), 360n];
    case 'ACT/365':
      return [BigInt(daysBetween(period.startDate, period.endDate)), 365n];
    case '30/360':
      return [BigInt(days30360Between(period.startDate, period.endDate)), 360n];
  }
}

/**
 * 期利息 (interest of a period): `balance × rate of the period`, exact, rounded once half-up to the fen.
 * Example: 1,000,000.00 × 3.45 %/12 = 2,875.00. Non-negative inputs only (the schedule guarantees it).
 */
export function calculatePeriodInterestFen(balanceFen: bigint, periodRate: Rate): bigint {
  return (2n * balanceFen * periodRate.numerator + periodRate.denominator) / (2n * periodRate.denominator);
}
