const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Shanghai as `YYYY-MM-DD` (the platform's business day, design.md), from the given instant. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate.format(now);
}
