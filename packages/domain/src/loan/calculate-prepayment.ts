import { daysBetween, type IsoDate } from '../calendar/index.ts';
import { assertNoProblems, type ProblemDetail } from '../errors/index.ts';
import { divideRounded, formatYuan, type Rate } from '../money/index.ts';
import { calculateAccruedInterest } from './calculate-accrued-interest.ts';
import { calculateAnnuityPaymentFen } from './calculate-annuity-payment.ts';
import { periodMonthsOf } from './calculate-accrual-periods.ts';
import { calculateSchedule } from './calculate-schedule.ts';
import type { InterestBasis, PaymentFrequency, Schedule, ScheduleInput } from './loan-types.ts';

/** 提前还款方式 (prepayment option): 缩短期限 keep the instalment, or 减少月供 keep the term. */
export type PrepaymentOption = 'shortenTerm' | 'lowerInstallment';

/** Input of {@link calculatePrepayment}. */
export interface PrepaymentInput {
  readonly outstandingPrincipalFen: bigint;
  readonly annualRate: Rate;
  readonly method: 'annuity' | 'equalPrincipal' | 'interestOnly';
  /** Interest is settled up to this date (the last due date paid, or the start). */
  readonly lastDueDate: IsoDate;
  readonly prepaymentDate: IsoDate;
  /** Accrual end dates of the remaining periods of the current schedule; the first is the next due date. */
  readonly remainingDueDates: readonly IsoDate[];
  /** Principal repaid early, or `'full'` to settle the loan (提前结清). */
  readonly prepaymentPrincipalFen: bigint | 'full';
  readonly option?: PrepaymentOption;
  /** Current annuity instalment, kept by `shortenTerm` (default: recomputed on the balance before prepayment). */
  readonly currentInstallmentFen?: bigint;
  /** Current 等额本金 principal part, kept by `shortenTerm` (default: balance before prepayment ÷ periods). */
  readonly currentPrincipalPartFen?: bigint;
  readonly frequency?: PaymentFrequency;
  readonly interestBasis?: InterestBasis;
  readonly installmentMultipleFen?: bigint;
}

/** Result of a prepayment: what is paid today and the schedule of what remains (null when settled). */
export interface PrepaymentResult {
  /** Interest on the whole outstanding principal from the last due date to today, actual/360. */
  readonly interestFen: bigint;
  readonly principalFen: bigint;
  readonly totalFen: bigint;
  readonly remainingPrincipalFen: bigint;
  readonly schedule: Schedule | null;
}

function validatePrepayment(input: PrepaymentInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const next = input.remainingDueDates[0];
  if (
    next === undefined ||
    daysBetween(input.lastDueDate, input.prepaymentDate) < 0 ||
    input.prepaymentDate >= next
  ) {
    problems.push({
      code: 'PREPAYMENT_DATE_INVALID',
      field: 'prepaymentDate',
      params: { lastDueDate: input.lastDueDate },
    });
  }
  const amount = input.prepaymentPrincipalFen;
  if (amount !== 'full' && (amount <= 0n || amount >= input.outstandingPrincipalFen)) {
    problems.push({
      code: 'PREPAYMENT_AMOUNT_INVALID',
      field: 'prepaymentPrincipalFen',
      params: { outstandingYuan: formatYuan(input.outstandingPrincipalFen) },
    });
  }
  return problems;
}

/**
 * 提前还款 (prepayment): pays the interest accrued on the outstanding principal since the last due date
 * (actual days × annual/360, rounded once half-up) plus the principal repaid. A partial prepayment re-amortises
 * the rest over the original remaining due dates: `lowerInstallment` keeps the number of periods (new
 * instalment on the lower balance), `shortenTerm` keeps the instalment (or the 等额本金 principal part) so the
 * loan ends earlier; the first remaining period accrues from the prepayment date, actual/360 when it is a part
 * period. `'full'` settles everything (提前结清). Source: domain-reference.md conventions ("interest for a
 * part period … prepayment … actual days × annual/360").
 * @throws DomainError('VALIDATION_FAILED') with PREPAYMENT_DATE_INVALID / PREPAYMENT_AMOUNT_INVALID problems.
 */
export function calculatePrepayment(input: PrepaymentInput): PrepaymentResult {
  assertNoProblems(validatePrepayment(input));
  const { interestFen } = calculateAccruedInterest({
    principalFen: input.outstandingPrincipalFen,
    annualRate: input.annualRate,
    fromDate: input.lastDueDate,
    toDate: input.prepaymentDate,
  });
  const principalFen =
    input.prepaymentPrincipalFen === 'full' ? input.outstandingPrincipalFen : input.prepaymentPrincipalFen;
  const remainingPrincipalFen = input.outstandingPrincipalFen - principalFen;
  if (remainingPrincipalFen === 0n)
    return {
      interestFen,
      principalFen,
      totalFen: interestFen + principalFen,
      remainingPrincipalFen,
      schedule: null,
    };

  const periods = input.remainingDueDates.length;
  const periodMonths = periodMonthsOf(input);
  const base: ScheduleInput = {
    principalFen: remainingPrincipalFen,
    annualRate: input.annualRate,
    termMonths: periods * periodMonths,
    method: input.method,
    startDate: input.prepaymentDate,
    periodEndDates: input.remainingDueDates,
    firstPeriodFull: input.prepaymentDate === input.lastDueDate,
    ...(input.frequency === undefined ? {} : { frequency: input.frequency }),
    ...(input.interestBasis === undefined ? {} : { interestBasis: input.interestBasis }),
    ...(input.installmentMultipleFen === undefined
      ? {}
      : { installmentMultipleFen: input.installmentMultipleFen }),
  };

  let scheduleInput = base;
  if ((input.option ?? 'lowerInstallment') === 'shortenTerm') {
    if (input.method === 'annuity') {
      const periodicRate = {
        numerator: input.annualRate.numerator * BigInt(periodMonths),
        denominator: input.annualRate.denominator * 12n,
      };
      const installmentFen =
        input.currentInstallmentFen ??
        calculateAnnuityPaymentFen({
          principalFen: input.outstandingPrincipalFen,
          periodicRate,
          periods,
          multipleFen: input.installmentMultipleFen ?? 1n,
        });
      scheduleInput = { ...base, installmentFen };
    } else if (input.method === 'equalPrincipal') {
      scheduleInput = {
        ...base,
        principalPartFen:
          input.currentPrincipalPartFen ?? divideRounded(input.outstandingPrincipalFen, BigInt(periods)),
      };
    }
  }
  return {
    interestFen,
    principalFen,
    totalFen: interestFen + principalFen,
    remainingPrincipalFen,
    schedule: calculateSchedule(scheduleInput),
  };
}
