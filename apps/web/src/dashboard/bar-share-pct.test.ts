import { describe, expect, it } from 'vitest';
import { barSharePct } from './bar-share-pct.ts';

describe('barSharePct', () => {
  it('measures a yuan amount against the largest exactly in fen, to one decimal, rounded down', () => {
    expect(barSharePct('2100000.38', '4200000.76')).toBe(50);
    expect(barSharePct('0.01', '0.03')).toBe(33.3);
    expect(barSharePct('90071992547409.93', '90071992547409.93')).toBe(100);
  });

  it('measures counts the same way and gives an empty bar when the largest is zero', () => {
    expect(barSharePct(1, 4)).toBe(25);
    expect(barSharePct(0, 0)).toBe(0);
    expect(barSharePct('0.00', '0.00')).toBe(0);
  });
});
