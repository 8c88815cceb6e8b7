import { formatYuan } from '@ipf/domain/money';

const AMOUNT_PATTERN = /^(\d+)(?:\.(\d{0,2}))?$/;

/**
 * 金额输入 (an amount typed in 元): `"1,000,000"`, `"¥ 1 000 000.5"` or `"１２３.４５"` → exactly
 * `{ fen: 100000050n, yuan: "1000000.50" }` by string arithmetic, never a float. Grouping commas, spaces and a
 * leading ¥ are dropped and full-width digits read as ASCII; more than two decimals, signs, exponents or
 * anything else give null. The yuan string is the wire format (two decimals, design.md).
 */
export function parseYuanInput(text: string): { fen: bigint; yuan: string } | null {
  const cleaned = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^\s*[¥￥]/, '')
    .replace(/[,，\s]/g, '');
  const match = AMOUNT_PATTERN.exec(cleaned);
  if (match === null) return null;
  const [, whole = '0', decimals = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return { fen, yuan: formatYuan(fen) };
}
