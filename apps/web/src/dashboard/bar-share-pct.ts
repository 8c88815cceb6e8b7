/**
 * Bar length of a figure as a percent of the largest one (0–100, one decimal), for the dashboard's bars. Amounts
 * are compared as exact fen (bigint) from their yuan strings; only the resulting share becomes a number, for the
 * bar's width.
 */
export function barSharePct(value: string | number, max: string | number): number {
  const toUnits = (v: string | number) =>
    typeof v === 'number' ? BigInt(v) : BigInt(v.includes('.') ? v.replace('.', '') : `${v}00`);
  const top = toUnits(max);
  if (top <= 0n) return 0;
  const share = (toUnits(value) * 1000n) / top;
  return Number(share < 0n ? 0n : share > 1000n ? 1000n : share) / 10;
}
