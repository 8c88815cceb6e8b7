/** 日期文本校验 (is an ISO date text): a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-29). */
export function isIsoDateText(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 加月 (add months) to an ISO date; a day past the month's end rolls forward (29 Feb + 12 months = 1 Mar). */
export function addMonthsToIsoDate(date: string, months: number): string {
  const value = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, Number(date.slice(8, 10))),
  );
  return value.toISOString().slice(0, 10);
}
