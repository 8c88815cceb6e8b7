import { addMonths, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import type { AccrualPeriod } from './calculate-period-interest.ts';
import type { ScheduleInput } from './loan-types.ts';

/** Months per period: 1 monthly, 3 quarterly. */
export function periodMonthsOf(input: Pick<ScheduleInput, 'frequency'>): number {
  return input.frequency === 'quarterly' ? 3 : 1;
}

/**
 * Periods between consecutive dates. Inner periods run from one due date to the next and are whole periods
 * (even when month-end clamping makes 02-28 → 03-31); the first and last are whole only when flagged.
 */
function toPeriods(
  startDate: IsoDate,
  endDates: readonly IsoDate[],
  months: number,
  firstFull: boolean,
  lastFull: boolean,
): AccrualPeriod[] {
  const periods: AccrualPeriod[] = [];
  let from = startDate;
  endDates.forEach((endDate, index) => {
    const full = index === 0 ? firstFull : index === endDates.length - 1 ? lastFull : true;
    periods.push({ startDate: from, endDate, full, months });
    from = endDate;
  });
  return periods;
}

/**
 * 计息期划分 (accrual periods of a schedule), per the conventions table of domain-reference.md:
 * - default: period k ends at start + k periods, clamped to month end (2024-01-31 → 02-29 → 03-31);
 * - first due date: period 1 ends on it (a broken period unless it is exactly one period), period k ends at
 *   firstDue + (k−1) periods;
 * - bullet: one period from start to start + term;
 * - 结息日 (interest-only): periods end on the settlement day of each month (or of each quarter's last month)
 *   strictly between start and maturity, then at maturity; part periods accrue actual/360;
 * - explicit `periodEndDates` (after a prepayment) are used as given; the first is whole unless
 *   `firstPeriodFull` is false.
 * Inputs are assumed validated ({@link validateScheduleInput}).
 */
export function calculateAccrualPeriods(input: ScheduleInput): AccrualPeriod[] {
  const periodMonths = periodMonthsOf(input);
  if (input.periodEndDates !== undefined) {
    const firstFull = input.firstPeriodFull ?? true;
    return toPeriods(
      input.startDate,
      input.periodEndDates,
      periodMonths,
      firstFull,
      input.periodEndDates.length === 1 ? firstFull : true,
    );
  }
  if (input.method === 'bullet') {
    const maturity = addMonths(input.startDate, input.termMonths);
    return [{ startDate: input.startDate, endDate: maturity, full: true, months: input.termMonths }];
  }

  const periodCount = input.termMonths / periodMonths;
  if (input.settlementDay !== undefined) return settlementPeriods(input, input.settlementDay, periodMonths);

  const anchor = input.firstDueDate ?? input.startDate;
  const offset = input.firstDueDate === undefined ? 0 : 1;
  const endDates: IsoDate[] = [];
  for (let k = 1; k <= periodCount; k += 1) endDates.push(addMonths(anchor, (k - offset) * periodMonths));
  const firstFull =
    input.firstDueDate === undefined || input.firstDueDate === addMonths(input.startDate, periodMonths);
  return toPeriods(
    input.startDate,
    endDates,
    periodMonths,
    firstFull,
    endDates.length === 1 ? firstFull : true,
  );
}

function settlementPeriods(
  input: ScheduleInput,
  settlementDay: number,
  periodMonths: number,
): AccrualPeriod[] {
  const maturity = addMonths(input.startDate, input.termMonths);
  const start = parseIsoDate(input.startDate);
  const endDates: IsoDate[] = [];
  for (let offset = 0; offset <= input.termMonths; offset += 1) {
    const monthIndex = start.year * 12 + start.month - 1 + offset;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    if (periodMonths === 3 && month % 3 !== 0) continue;
    const date = formatIsoDate({ year, month, day: Math.min(settlementDay, daysInMonth(year, month)) });
    if (date > input.startDate && date < maturity) endDates.push(date);
  }
  endDates.push(maturity);
  const first = endDates[0]!;
  const lastStart = endDates.length > 1 ? endDates[endDates.length - 2]! : input.startDate;
  const firstFull = addMonths(input.startDate, periodMonths) === first;
  const lastFull = addMonths(lastStart, periodMonths) === maturity;
  return toPeriods(
    input.startDate,
    endDates,
    periodMonths,
    firstFull,
    endDates.length === 1 ? firstFull && lastFull : lastFull,
  );
}
