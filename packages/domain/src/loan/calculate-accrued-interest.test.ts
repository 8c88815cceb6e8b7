import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.ts';
import { parseRatePct, ZERO_RATE } from '../money/index.ts';
import {
  accrueDailyInterest,
  calculateAccruedInterest,
  postAccruedInterestFen,
} from './calculate-accrued-interest.ts';

describe('interest accrual', () => {
  it('accrues actual days × annual/360 exactly between two dates and rounds once when posted', () => {
    const result = calculateAccruedInterest({
      principalFen: 100000000n,
      annualRate: parseRatePct('3.45'),
      fromDate: '2024-01-15',
      toDate: '2024-02-15',
    });
    expect(result.interestFen).toBe(297083n); // 2,970.8333…
    expect(result.exactFen.numerator * 6n).toBe(result.exactFen.denominator * 1782500n);
    expect(
      calculateAccruedInterest({
        principalFen: 100000000n,
        annualRate: parseRatePct('3.45'),
        fromDate: '2024-01-15',
        toDate: '2024-02-15',
        basis: 'ACT/365',
      }).interestFen,
    ).toBe(293014n);
  });

  it('daily accrual summed unrounded equals the interest of the whole span (rounding only when posting)', () => {
    const annualRate = parseRatePct('3.45');
    let accrued = ZERO_RATE;
    let roundedDaily = 0n;
    for (let d = 0; d < 31; d += 1) {
      accrued = accrueDailyInterest(accrued, 100000000n, annualRate);
      roundedDaily += postAccruedInterestFen(accrueDailyInterest(ZERO_RATE, 100000000n, annualRate));
    }
    expect(postAccruedInterestFen(accrued)).toBe(
      calculateAccruedInterest({
        principalFen: 100000000n,
        annualRate,
        fromDate: '2024-01-15',
        toDate: addDays('2024-01-15', 31),
      }).interestFen,
    );
    expect(roundedDaily).not.toBe(postAccruedInterestFen(accrued)); // 31 × 95.83 = 2,970.73, not 2,970.83
  });

  it('rejects an end before the start', () => {
    expect(() =>
      calculateAccruedInterest({
        principalFen: 1n,
        annualRate: parseRatePct('1'),
        fromDate: '2024-02-01',
        toDate: '2024-01-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'ACCRUAL_PERIOD_INVALID' }));
  });
});
