import { daysInMonth, epochDayFromParts, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import type { Rate } from '../money/index.ts';
import { calculateAnnuityPaymentFen } from './calculate-annuity-payment.ts';

/**
 * Column buffers for {@link calculateAnnuityColumns}: one slot per period, reused across schedules so that a
 * batch of a million schedules allocates its storage once. Plain arrays of bigint rather than BigInt64Array:
 * reading a BigInt64Array slot allocates a fresh bigint, a plain array hands back the one computed.
 * Due dates as epoch days (days since 1970-01-01) in an Int32Array.
 */
export interface AnnuityColumns {
  readonly principalFen: bigint[];
  readonly interestFen: bigint[];
  readonly paymentFen: bigint[];
  readonly balanceFen: bigint[];
  readonly dueEpochDay: Int32Array;
}

/** Allocates column buffers for schedules of up to `maxPeriods` periods. */
export function createAnnuityColumns(maxPeriods: number): AnnuityColumns {
  const zeros = (): bigint[] => Array.from({ length: maxPeriods }, () => 0n);
  return {
    principalFen: zeros(),
    interestFen: zeros(),
    paymentFen: zeros(),
    balanceFen: zeros(),
    dueEpochDay: new Int32Array(maxPeriods),
  };
}

/** Input of {@link calculateAnnuityColumns}: the plain monthly-basis case of {@link ScheduleInput}. */
export interface AnnuityColumnsInput {
  readonly principalFen: bigint;
  readonly annualRate: Rate;
  readonly periods: number;
  /** 1 monthly, 3 quarterly. */
  readonly periodMonths: number;
  readonly startDate: IsoDate;
  readonly installmentMultipleFen?: bigint;
}

/**
 * 等额本息还款计划（列式） (annuity schedule into columns): the same rules as {@link calculateSchedule} for an
 * annuity on the `monthly` basis with no first due date, shift or rate change — interest = balance × annual ×
 * months/12 rounded once half-up, principal = instalment − interest clamped to [0, balance], the last period
 * absorbs the residue, due dates start + k periods clamped to month end — written into reused typed arrays for
 * batch runs (benchmarks, portfolio projections). Returns the number of periods written (fewer than `periods`
 * only when a rounded-up instalment repays early). Precondition: validated input (see validateScheduleInput),
 * principal ≤ 10^15 fen.
 */
export function calculateAnnuityColumns(input: AnnuityColumnsInput, out: AnnuityColumns): number {
  const { principalFen, annualRate, periods, periodMonths } = input;
  const periodicNumerator = annualRate.numerator * BigInt(periodMonths);
  const periodicDenominator = annualRate.denominator * 12n;
  const paymentFen = calculateAnnuityPaymentFen({
    principalFen,
    periodicRate: { numerator: periodicNumerator, denominator: periodicDenominator },
    periods,
    multipleFen: input.installmentMultipleFen ?? 1n,
  });
  // Half-up of balance·a/b for balance ≥ 0: ⌊(2·balance·a + b) / 2b⌋.
  const twiceNumerator = 2n * periodicNumerator;
  const twiceDenominator = 2n * periodicDenominator;
  const { year, month, day } = parseIsoDate(input.startDate);
  const firstMonthIndex = year * 12 + month - 1;

  let balance = principalFen;
  let k = 0;
  while (k < periods) {
    const interest = (balance * twiceNumerator + periodicDenominator) / twiceDenominator;
    let principal: bigint;
    if (k === periods - 1) principal = balance;
    else {
      principal = paymentFen - interest;
      if (principal < 0n) principal = 0n;
      else if (principal > balance) principal = balance;
    }
    balance -= principal;
    // Due date k+1 = start + (k+1) periods, clamped to month end (as addMonths, without allocating).
    const monthIndex = firstMonthIndex + (k + 1) * periodMonths;
    const dueYear = Math.floor(monthIndex / 12);
    const dueMonth = monthIndex - dueYear * 12 + 1;
    const lastDay = daysInMonth(dueYear, dueMonth);
    out.principalFen[k] = principal;
    out.interestFen[k] = interest;
    out.paymentFen[k] = principal + interest;
    out.balanceFen[k] = balance;
    out.dueEpochDay[k] = epochDayFromParts(dueYear, dueMonth, day < lastDay ? day : lastDay);
    k += 1;
    if (balance === 0n) break;
  }
  return k;
}
