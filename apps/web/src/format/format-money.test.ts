import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.ts';

describe('formatMoney', () => {
  it('formats a yuan decimal string as CNY with grouping and two decimals', () => {
    expect(formatMoney('84898.82')).toBe('¥84,898.82');
  });

  it('keeps every fen of a sum beyond 2^53 fen', () => {
    expect(formatMoney('90071992547409.93')).toBe('¥90,071,992,547,409.93');
  });

  it('shows a dash for a missing amount and the raw text for a malformed one', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
  });
});
