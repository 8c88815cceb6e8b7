import { DomainError } from '../errors/domain-error.ts';
import cnHolidayData from './cn-holidays.json' with { type: 'json' };
import { dayOfWeekFromEpochDay, fromEpochDay, parseIsoDate, toEpochDay, type IsoDate } from './iso-date.ts';

/** The data shape of a holiday calendar file (`cn-holidays.json`): per year, days off and 调休 working days. */
export interface HolidayCalendarData {
  readonly source?: string;
  readonly years: Readonly<
    Record<string, { readonly holidays: readonly string[]; readonly workdays: readonly string[] }>
  >;
}

/** 节假日日历 (holiday calendar): public holidays and 调休 working weekend days, per covered year. */
export interface HolidayCalendar {
  readonly source: string;
  readonly years: ReadonlyMap<
    number,
    { readonly holidays: ReadonlySet<IsoDate>; readonly workdays: ReadonlySet<IsoDate> }
  >;
}

/** A date computed from the calendar; `provisional` when a year it crossed is missing (weekends only counted). */
export interface CalendarDateResult {
  readonly date: IsoDate;
  readonly provisional: boolean;
}

/**
 * 构建节假日日历 (build a holiday calendar) from data: validates every date and that each date lies in its year.
 * Source of the data: State Council notices on holiday arrangements (国务院办公厅关于部分节假日安排的通知).
 * @throws DomainError('HOLIDAY_CALENDAR_INVALID') on a malformed entry.
 */
export function createHolidayCalendar(data: HolidayCalendarData): HolidayCalendar {
  const years = new Map<number, { holidays: ReadonlySet<IsoDate>; workdays: ReadonlySet<IsoDate> }>();
  for (const [yearText, entry] of Object.entries(data.years)) {
    const year = Number(yearText);
    for (const date of [...entry.holidays, ...entry.workdays]) {
      if (parseIsoDate(date).year !== year)
        throw new DomainError('HOLIDAY_CALENDAR_INVALID', { detail: `${date} listed under ${yearText}` });
    }
    const overlap = entry.holidays.find((d) => entry.workdays.includes(d));
    if (overlap !== undefined)
      throw new DomainError('HOLIDAY_CALENDAR_INVALID', {
        detail: `${overlap} is both a holiday and a workday`,
      });
    years.set(year, { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) });
  }
  return { source: data.source ?? '', years };
}

/** 中国节假日日历 (the PRC calendar) built from `cn-holidays.json` (2024–2026 at the time of writing). */
export const CN_HOLIDAY_CALENDAR: HolidayCalendar = createHolidayCalendar(cnHolidayData);

/** 日历覆盖 (calendar covers the year): false when the year's notice is not in the data. */
export function isCalendarYearCovered(date: IsoDate, calendar: HolidayCalendar): boolean {
  return calendar.years.has(parseIsoDate(date).year);
}

function isWorkingEpochDay(
  epochDay: number,
  date: IsoDate,
  calendar: HolidayCalendar,
): { working: boolean; covered: boolean } {
  const weekday = dayOfWeekFromEpochDay(epochDay) < 6;
  const year = calendar.years.get(Number(date.slice(0, 4)));
  if (year === undefined) return { working: weekday, covered: false };
  if (year.holidays.has(date)) return { working: false, covered: true };
  if (year.workdays.has(date)) return { working: true, covered: true };
  return { working: weekday, covered: true };
}

/**
 * 工作日 (working day): a weekday that is not a public holiday, or a weekend day declared a working day (调休).
 * For a year missing from the calendar, weekdays only (check {@link isCalendarYearCovered} for provisional).
 */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return isWorkingEpochDay(toEpochDay(date), date, calendar).working;
}

/**
 * 顺延至工作日 (following working day): the date itself when it is a working day, else the next working day.
 * 2024-10-01 (National Day) → 2024-10-08. `provisional` when a day examined lies in a year without data.
 */
export function followingWorkingDay(date: IsoDate, calendar: HolidayCalendar): CalendarDateResult {
  let epochDay = toEpochDay(date);
  let current = date;
  let provisional = false;
  for (;;) {
    const state = isWorkingEpochDay(epochDay, current, calendar);
    if (!state.covered) provisional = true;
    if (state.working) return { date: current, provisional };
    epochDay += 1;
    current = fromEpochDay(epochDay);
  }
}

function assertDayCount(days: number): void {
  if (!Number.isSafeInteger(days) || days < 0) throw new DomainError('DAY_COUNT_INVALID', { value: days });
}

/**
 * 加工作日 (add working days): "N working days" counted from the day after `date`, skipping weekends and public
 * holidays and counting 调休 working days; 0 returns `date`. Example: 2024-09-30 + 3 → 2024-10-10 (National
 * Day week), 2024-02-08 + 1 → 2024-02-09 … Source: domain-reference.md "Pledge registration" time limits.
 * For a year missing from the calendar, weekends only are skipped and the result is `provisional`.
 * @throws DomainError('DAY_COUNT_INVALID') for a negative or non-integer count.
 */
export function addWorkingDays(
  date: IsoDate,
  workingDays: number,
  calendar: HolidayCalendar,
): CalendarDateResult {
  assertDayCount(workingDays);
  let epochDay = toEpochDay(date);
  let current = date;
  let provisional = false;
  let remaining = workingDays;
  while (remaining > 0) {
    epochDay += 1;
    current = fromEpochDay(epochDay);
    const state = isWorkingEpochDay(epochDay, current, calendar);
    if (!state.covered) provisional = true;
    if (state.working) remaining -= 1;
  }
  return { date: current, provisional };
}

/**
 * 期间计算 (a period of N calendar days, 民法典 art. 201 and 203): counted from the day after `date`
 * (`date + N`); when that last day is a public holiday or other non-working day, the period ends on the next
 * working day. Example: 2024-09-21 + 10 = 2024-10-01 (National Day) → ends 2024-10-08.
 * `provisional` when the roll-over examined a year missing from the calendar.
 * @throws DomainError('DAY_COUNT_INVALID') for a negative or non-integer count.
 */
export function addCalendarDaysWithHolidayRollover(
  date: IsoDate,
  days: number,
  calendar: HolidayCalendar,
): CalendarDateResult {
  assertDayCount(days);
  return followingWorkingDay(fromEpochDay(toEpochDay(date) + days), calendar);
}
