/**
 * ISO calendar-date arithmetic for the IP asset context. Dates stay `YYYY-MM-DD` strings (design.md
 * "Money, rates, dates") so they compare as strings and never carry a time zone; the clock is never read.
 * Internal to the context: not re-exported from `index.ts`.
 */

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** 日期格式校验 (is an ISO date): true for a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 加日 (add calendar days); a negative count subtracts. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * 周年日 (anniversary): the same month and day `years` later; 29 February falls on 1 March in a common year, so that the day
 * before it (the last day of a term, see `lastDayOfTerm`) is 28 February.
 */
export function addYearsRollingForward(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  return fromUtcMs(Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/**
 * 期限末日 (last day of a term): last day of a term of `years` counted from `startDate` inclusive: the day before the anniversary.
 * 《专利审查指南》 Part V ch. 9 §2.2.1 example: filed 1999-09-06, term 1999-09-06 … 2019-09-05.
 */
export function lastDayOfTerm(startDate: IsoDate, years: number): IsoDate {
  return addDays(addYearsRollingForward(startDate, years), -1);
}

/** 较早日期 (earlier date) of two. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** 相隔天数 (days between): whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
