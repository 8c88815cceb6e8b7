import { describe, expect, it } from 'vitest';
import { parseRatePct } from '../money/index.ts';
import { calculateSchedule } from './calculate-schedule.ts';
import {
  CN_LPR_TABLE,
  calculateAnniversaryRepricingDates,
  calculateFloatingRateChanges,
  findLprQuote,
} from './lpr-table.ts';

describe('LPR table and floating rates', () => {
  it('finds the quotation in effect on a date, by tenor', () => {
    expect(findLprQuote(CN_LPR_TABLE, '1Y', '2024-01-15').ratePct).toBe('3.45');
    expect(findLprQuote(CN_LPR_TABLE, '1Y', '2024-07-22').ratePct).toBe('3.35');
    expect(findLprQuote(CN_LPR_TABLE, '5Y', '2024-02-19').ratePct).toBe('4.20');
    expect(findLprQuote(CN_LPR_TABLE, '5Y', '2024-02-20').ratePct).toBe('3.95');
    expect(findLprQuote(CN_LPR_TABLE, '1Y', '2030-01-01').ratePct).toBe('3.00');
  });

  it('refuses a date before the first quotation with LPR_NOT_AVAILABLE', () => {
    expect(() => findLprQuote(CN_LPR_TABLE, '1Y', '2020-01-01')).toThrow(
      expect.objectContaining({ code: 'LPR_NOT_AVAILABLE' }),
    );
  });

  it('prices LPR + spread at the start and reprices on each anniversary', () => {
    const repricingDates = calculateAnniversaryRepricingDates('2024-01-15', 36);
    expect(repricingDates).toEqual(['2025-01-15', '2026-01-15']);
    const { initialRate, changes } = calculateFloatingRateChanges({
      table: CN_LPR_TABLE,
      tenor: '1Y',
      spreadBps: 50n,
      pricingDate: '2024-01-15',
      repricingDates,
    });
    expect(initialRate).toEqual(parseRatePct('3.95'));
    expect(changes).toEqual([
      { effectiveDate: '2025-01-15', annualRate: parseRatePct('3.6') },
      { effectiveDate: '2026-01-15', annualRate: parseRatePct('3.5') },
    ]);

    const schedule = calculateSchedule({
      principalFen: 100000000n,
      annualRate: initialRate,
      rateChanges: changes,
      termMonths: 36,
      method: 'annuity',
      startDate: '2024-01-15',
    });
    const payments = new Set(schedule.installments.slice(0, -1).map((i) => i.paymentFen));
    expect(payments.size).toBe(3);
    expect(schedule.installments.at(-1)?.balanceFen).toBe(0n);
  });
});
