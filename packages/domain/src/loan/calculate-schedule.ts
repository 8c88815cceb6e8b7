import { followingWorkingDay } from '../calendar/index.ts';
import { assertNoProblems } from '../errors/index.ts';
import { compareRates, divideRounded, type Rate } from '../money/index.ts';
import { calculateAccrualPeriods, periodMonthsOf } from './calculate-accrual-periods.ts';
import { calculateAnnuityPaymentFen } from './calculate-annuity-payment.ts';
import { calculatePeriodInterestFen, calculatePeriodRate } from './calculate-period-interest.ts';
import type { Installment, RateChange, Schedule, ScheduleInput } from './loan-types.ts';
import { validateScheduleInput } from './validate-schedule-input.ts';

function rateInEffect(start: Rate, changes: readonly RateChange[], date: string): Rate {
  let rate = start;
  for (const change of changes) {
    if (change.effectiveDate <= date) rate = change.annualRate;
    else break;
  }
  return rate;
}

/**
 * 还款计划 (repayment schedule) for 等额本息, 等额本金, 先息后本 and 到期一次还本付息, following the conventions
 * table of domain-reference.md exactly:
 * - interest of a period = balance × the period's rate on the chosen basis (part periods actual/360), exact,
 *   rounded once half-up to the fen;
 * - 等额本息: instalment `P·i·(1+i)^n/((1+i)^n−1)` from the nominal periodic rate, rounded half-up to the fen or
 *   the configured multiple; principal = instalment − interest (never below 0, never above the balance);
 * - 等额本金: principal P/n rounded half-up; 先息后本 and bullet: all principal in the last period;
 * - the last instalment absorbs the residue; due dates = start + k periods clamped to month end, optionally
 *   shifted to the following working day;
 * - floating rates: a rate change applies from the first period starting on or after its effective date, and an
 *   annuity is re-amortised over the remaining periods on the outstanding balance.
 * Golden vector: 1,000,000.00 at 3.45 % over 12 months from 2024-01-15 → 84,898.82 a month (last 84,898.83),
 * total interest 18,785.85.
 * @throws DomainError('VALIDATION_FAILED') carrying every problem of {@link validateScheduleInput}.
 */
export function calculateSchedule(input: ScheduleInput): Schedule {
  assertNoProblems(validateScheduleInput(input));

  const periods = calculateAccrualPeriods(input);
  const periodMonths = periodMonthsOf(input);
  const basis = input.interestBasis ?? 'monthly';
  const changes = [...(input.rateChanges ?? [])].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0,
  );
  const count = periods.length;
  const principalPartFen = input.principalPartFen ?? divideRounded(input.principalFen, BigInt(count));

  const installments: Installment[] = [];
  let balanceFen = input.principalFen;
  let paymentFen = input.installmentFen ?? -1n;
  let paymentRate: Rate | null = null;
  let provisional = false;
  let totalInterestFen = 0n;

  for (let k = 0; k < count; k += 1) {
    const period = periods[k]!;
    const annualRate = rateInEffect(input.annualRate, changes, period.startDate);
    const interestFen = calculatePeriodInterestFen(
      balanceFen,
      calculatePeriodRate(annualRate, period, basis),
    );
    const last = k === count - 1;

    let principalFen = 0n;
    if (last) {
      principalFen = balanceFen;
    } else if (input.method === 'annuity') {
      if (
        input.installmentFen === undefined &&
        (paymentRate === null || compareRates(paymentRate, annualRate) !== 0)
      ) {
        const periodicRate = {
          numerator: annualRate.numerator * BigInt(periodMonths),
          denominator: annualRate.denominator * 12n,
        };
        paymentFen = calculateAnnuityPaymentFen({
          principalFen: balanceFen,
          periodicRate,
          periods: count - k,
          multipleFen: input.installmentMultipleFen ?? 1n,
        });
        paymentRate = annualRate;
      }
      principalFen = paymentFen - interestFen;
      if (principalFen < 0n) principalFen = 0n;
      if (principalFen > balanceFen) principalFen = balanceFen;
    } else if (input.method === 'equalPrincipal') {
      principalFen = principalPartFen < balanceFen ? principalPartFen : balanceFen;
    }

    let dueDate = period.endDate;
    if (input.followingWorkingDayCalendar !== undefined) {
      const shifted = followingWorkingDay(period.endDate, input.followingWorkingDayCalendar);
      dueDate = shifted.date;
      provisional ||= shifted.provisional;
    }

    balanceFen -= principalFen;
    totalInterestFen += interestFen;
    installments.push({
      period: k + 1,
      accrualStartDate: period.startDate,
      accrualEndDate: period.endDate,
      dueDate,
      principalFen,
      interestFen,
      paymentFen: principalFen + interestFen,
      balanceFen,
      annualRate,
    });
    if (balanceFen === 0n) break;
  }

  return {
    installments,
    totalPrincipalFen: input.principalFen,
    totalInterestFen,
    totalPaymentFen: input.principalFen + totalInterestFen,
    provisional,
  };
}
