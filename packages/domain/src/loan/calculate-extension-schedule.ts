import { DomainError } from '../errors/index.ts';
import { periodMonthsOf } from './calculate-accrual-periods.ts';
import { calculateSchedule } from './calculate-schedule.ts';
import type { Schedule, ScheduleInput } from './loan-types.ts';
import { MAX_TERM_MONTHS } from './validate-schedule-input.ts';

/** Input of {@link calculateExtensionSchedule}: the outstanding loan from its last settled due date. */
export interface ExtensionInput extends Omit<
  ScheduleInput,
  | 'principalFen'
  | 'termMonths'
  | 'startDate'
  | 'firstDueDate'
  | 'periodEndDates'
  | 'installmentFen'
  | 'principalPartFen'
> {
  readonly outstandingPrincipalFen: bigint;
  /** Interest is settled up to this date; the extended schedule runs from it. */
  readonly lastDueDate: string;
  readonly remainingPeriods: number;
  readonly extensionMonths: number;
  /** An extension for a borrower in difficulty is a restructuring (at least 关注 while observed). */
  readonly borrowerInDifficulty?: boolean;
}

/**
 * 展期 (extension): re-amortises the outstanding principal from the last settled due date over the remaining
 * periods plus the extension, under the (possibly new) rate and method; due dates start + k periods from that
 * date. `restructured` is true when the borrower is in difficulty, for classification. 《贷款通则》 art. 12:
 * an extension needs the lender's consent before maturity.
 * @throws DomainError('LOAN_EXTENSION_INVALID') for an extension outside 1 … MAX_TERM_MONTHS months.
 */
export function calculateExtensionSchedule(input: ExtensionInput): {
  schedule: Schedule;
  restructured: boolean;
} {
  if (
    !Number.isSafeInteger(input.extensionMonths) ||
    input.extensionMonths < 1 ||
    input.extensionMonths > MAX_TERM_MONTHS
  ) {
    throw new DomainError('LOAN_EXTENSION_INVALID', { maxMonths: MAX_TERM_MONTHS });
  }
  const {
    outstandingPrincipalFen,
    lastDueDate,
    remainingPeriods,
    extensionMonths,
    borrowerInDifficulty,
    ...rest
  } = input;
  const schedule = calculateSchedule({
    ...rest,
    principalFen: outstandingPrincipalFen,
    startDate: lastDueDate,
    termMonths: remainingPeriods * periodMonthsOf(input) + extensionMonths,
  });
  return { schedule, restructured: borrowerInDifficulty === true };
}
