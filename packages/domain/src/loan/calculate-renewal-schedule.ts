import { calculateSchedule } from './calculate-schedule.ts';
import type { Schedule, ScheduleInput } from './loan-types.ts';

/** Input of {@link calculateRenewalSchedule}: the new loan's terms for the outstanding balance. */
export interface RenewalInput extends Omit<
  ScheduleInput,
  'principalFen' | 'startDate' | 'periodEndDates' | 'installmentFen' | 'principalPartFen'
> {
  readonly outstandingPrincipalFen: bigint;
  /** 续贷日: the old loan is repaid by the new one on this date. */
  readonly renewalDate: string;
}

/**
 * 续贷 (renewal, 无还本续贷): a new loan for the outstanding principal from the renewal date, with its own term,
 * rate and method, scheduled exactly like a new loan ({@link calculateSchedule}). Interest owed on the old loan
 * up to the renewal date is settled separately (calculateAccruedInterest).
 */
export function calculateRenewalSchedule(input: RenewalInput): Schedule {
  const { outstandingPrincipalFen, renewalDate, ...rest } = input;
  return calculateSchedule({ ...rest, principalFen: outstandingPrincipalFen, startDate: renewalDate });
}
