import { describe, expect, it } from 'vitest';
import { formatYuan, parseRatePct, parseYuan } from '../money/index.ts';
import golden from './__fixtures__/penalty-10d-3.45pct-plus-50pct.json' with { type: 'json' };
import {
  calculateDaysPastDue,
  calculateOverdueCharges,
  calculatePenaltyInterest,
  calculatePenaltyRate,
  MISUSE_MARKUP_RANGE,
} from './calculate-penalty-interest.ts';

describe('penalty interest 罚息 and compound interest 复利 (银发〔2003〕251号)', () => {
  it(golden.rule, () => {
    const penaltyFen = calculatePenaltyInterest({
      overdueFen: parseYuan(golden.input.overdueAmount),
      annualRate: parseRatePct(golden.input.annualRatePct),
      markup: parseRatePct(golden.input.markupPct),
      days: golden.input.days,
    });
    expect(formatYuan(penaltyFen)).toBe(golden.expected.penalty);
  });

  it('marks the contract rate up by the markup: 3.45 % + 50 % = 5.175 %', () => {
    expect(calculatePenaltyRate(parseRatePct('3.45'), parseRatePct('50'))).toEqual(parseRatePct('5.175'));
  });

  it('refuses an overdue markup outside 30–50 % but allows misuse markups up to 100 % when configured', () => {
    expect(() => calculatePenaltyRate(parseRatePct('3.45'), parseRatePct('60'))).toThrow(
      expect.objectContaining({
        code: 'PENALTY_MARKUP_OUT_OF_RANGE',
        params: { minPct: '30', maxPct: '50', valuePct: '60.00' },
      }),
    );
    expect(() => calculatePenaltyRate(parseRatePct('3.45'), parseRatePct('29'))).toThrow(
      expect.objectContaining({ code: 'PENALTY_MARKUP_OUT_OF_RANGE' }),
    );
    expect(calculatePenaltyRate(parseRatePct('3.45'), parseRatePct('100'), MISUSE_MARKUP_RANGE)).toEqual(
      parseRatePct('6.9'),
    );
  });

  it('counts days past due from the due date, zero before it', () => {
    expect(calculateDaysPastDue('2024-02-15', '2024-02-25')).toBe(10);
    expect(calculateDaysPastDue('2024-02-15', '2024-02-15')).toBe(0);
    expect(calculateDaysPastDue('2024-02-15', '2024-02-01')).toBe(0);
  });

  it('charges 罚息 on overdue principal and 复利 on unpaid interest at the penalty rate, per instalment', () => {
    const charges = calculateOverdueCharges({
      items: [
        { dueDate: '2024-02-15', overduePrincipalFen: 8202382n, overdueInterestFen: 287500n },
        { dueDate: '2024-03-15', overduePrincipalFen: 8225964n, overdueInterestFen: 263918n },
      ],
      asOfDate: '2024-03-25',
      annualRate: parseRatePct('3.45'),
      markup: parseRatePct('50'),
    });
    // 82,023.82 × 5.175 % × 39/360 = 459.854… ; 2,875.00 × 5.175 % × 39/360 = 16.118…
    expect(
      charges.items.map((i) => [i.daysPastDue, formatYuan(i.penaltyFen), formatYuan(i.compoundFen)]),
    ).toEqual([
      [39, '459.85', '16.12'],
      [10, '118.25', '3.79'],
    ]);
    expect(charges.maxDaysPastDue).toBe(39);
    expect(charges.totalPenaltyFen).toBe(45985n + 11825n);
  });

  it('rejects negative days and amounts', () => {
    const base = { annualRate: parseRatePct('3.45'), markup: parseRatePct('50') };
    expect(() => calculatePenaltyInterest({ ...base, overdueFen: 1n, days: -1 })).toThrow(
      expect.objectContaining({ code: 'OVERDUE_DAYS_INVALID' }),
    );
    expect(() => calculatePenaltyInterest({ ...base, overdueFen: -1n, days: 1 })).toThrow(
      expect.objectContaining({ code: 'OVERDUE_AMOUNT_INVALID' }),
    );
  });
});
