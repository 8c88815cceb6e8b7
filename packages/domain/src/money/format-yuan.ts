/**
 * 分转元 (fen to yuan string): `8489882n` → `"84898.82"`, always two decimals, `-` for negatives, no grouping.
 * The wire format of money (design.md); display formatting with `Intl.NumberFormat` belongs to the UI.
 */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
