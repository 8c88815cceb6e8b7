const cny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

/**
 * Formats a yuan decimal string from the wire (`"84898.82"`) as `¥84,898.82`. The string goes to Intl as is
 * (Intl.NumberFormat v3 formats decimal strings exactly), so large sums lose no fen.
 */
export function formatMoney(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan.trim() === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(yuan.trim())) return yuan;
  return cny.format(yuan.trim() as Intl.StringNumericLiteral);
}
