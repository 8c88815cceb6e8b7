import { DomainError } from '../errors/domain-error.ts';

/** An ISO calendar date `YYYY-MM-DD` (Asia/Shanghai civil date, no time, no zone arithmetic). */
export type IsoDate = string;

/** The parts of an ISO date: month 1–12, day 1–31. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 闰年 (leap year) in the proleptic Gregorian calendar: divisible by 4, not by 100 unless by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 当月天数 (days in month): 28–31; month is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 日期解析 (parse an ISO date) into its parts, or null when it is not a real `YYYY-MM-DD` date. */
export function tryParseIsoDate(text: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * 日期解析 (parse an ISO date) into its parts.
 * @throws DomainError('DATE_FORMAT_INVALID', { value }) when it is not a real `YYYY-MM-DD` date (2023-02-29 is not).
 */
export function parseIsoDate(text: string): DateParts {
  const parts = tryParseIsoDate(text);
  if (parts === null) throw new DomainError('DATE_FORMAT_INVALID', { value: text });
  return parts;
}

/** 日期校验 (is an ISO date): true for a real `YYYY-MM-DD` date. */
export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== null;
}

/** 日期格式化 (format parts as ISO): `{2024, 2, 9}` → `"2024-02-09"`. */
export function formatIsoDate(parts: DateParts): IsoDate {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/**
 * 日序号 (epoch day): days since 1970-01-01 for a civil date, by integer arithmetic only
 * (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil). 1970-01-01 → 0.
 */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** 日序号 (epoch day) of an ISO date: days since 1970-01-01. @throws DATE_FORMAT_INVALID */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return epochDayFromParts(year, month, day);
}

/** 由日序号得日期 (parts from an epoch day), the inverse of {@link epochDayFromParts} (civil_from_days). */
export function partsFromEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 由日序号得日期 (ISO date from an epoch day). 0 → `"1970-01-01"`. */
export function fromEpochDay(epochDay: number): IsoDate {
  return formatIsoDate(partsFromEpochDay(epochDay));
}

/** 加天数 (add calendar days): `date + days` (negative allowed), no holiday handling. 2024-02-28 + 1 → 02-29. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * 加月数 (add months) with month-end clamping: the same day-of-month `months` later, or that month's last day
 * when it is shorter. 2024-01-31 + 1 → 2024-02-29; 2024-01-31 + 2 → 2024-03-31 (always counted from the
 * anchor date, never chained). Source: domain-reference.md conventions, "due dates … clamped to month end".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  return formatIsoDate(addMonthsToParts(year, month, day, months));
}

/** 加月数 (add months) on parts, clamped to month end; the allocation-light core of {@link addMonths}. */
export function addMonthsToParts(year: number, month: number, day: number, months: number): DateParts {
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return { year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) };
}

/** 间隔天数 (days between): actual calendar days from `from` to `to` (to − from; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * 30/360 天数 (30/360 day count, bond basis, ISDA 2006 §4.16(f)): `360·ΔY + 30·ΔM + ΔD` where D1 = 31 → 30 and
 * D2 = 31 → 30 when D1 is 30 or 31. Used by the `30/360` interest basis.
 */
export function days30360Between(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const d1 = a.day === 31 ? 30 : a.day;
  const d2 = b.day === 31 && d1 === 30 ? 30 : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
}

/** 星期几 (ISO day of week): 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday (4). */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekFromEpochDay(toEpochDay(date));
}

/** 星期几 (ISO day of week) of an epoch day: 1 = Monday … 7 = Sunday. */
export function dayOfWeekFromEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** 周末 (weekend): Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** 日期比较 (compare dates): negative, 0 or positive; ISO strings order lexicographically, checked here. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}
