import { describe, expect, it } from 'vitest';
import { parseRatePct } from '../money/index.ts';
import { calculateExtensionSchedule } from './calculate-extension-schedule.ts';
import { calculatePrepayment } from './calculate-prepayment.ts';
import { calculateRenewalSchedule } from './calculate-renewal-schedule.ts';
import { calculateSchedule } from './calculate-schedule.ts';

const annualRate = parseRatePct('3.45');
const original = calculateSchedule({
  principalFen: 100000000n,
  annualRate,
  termMonths: 12,
  method: 'annuity',
  startDate: '2024-01-15',
});
const afterThree = original.installments[2]!;
const remainingDueDates = original.installments.slice(3).map((i) => i.accrualEndDate);
const base = {
  outstandingPrincipalFen: afterThree.balanceFen,
  annualRate,
  method: 'annuity' as const,
  lastDueDate: afterThree.accrualEndDate,
  remainingDueDates,
};

describe('prepayment 提前还款', () => {
  it('settles in full: outstanding principal plus interest from the last due date at actual/360', () => {
    const result = calculatePrepayment({
      ...base,
      prepaymentDate: '2024-05-05',
      prepaymentPrincipalFen: 'full',
    });
    // 20 days on 753,220.41 × 3.45 % / 360 = 1,443.67
    expect(result.interestFen).toBe((afterThree.balanceFen * 20n * 345n * 2n + 3600000n) / 7200000n);
    expect(result.totalFen).toBe(afterThree.balanceFen + result.interestFen);
    expect(result.schedule).toBeNull();
  });

  it('lowers the instalment and keeps the due dates when the term is kept', () => {
    const result = calculatePrepayment({
      ...base,
      prepaymentDate: afterThree.accrualEndDate,
      prepaymentPrincipalFen: 20000000n,
      option: 'lowerInstallment',
    });
    expect(result.interestFen).toBe(0n);
    const rows = result.schedule!.installments;
    expect(rows.map((i) => i.dueDate)).toEqual(remainingDueDates);
    expect(rows[0]!.paymentFen).toBeLessThan(afterThree.paymentFen);
    expect(rows.reduce((s, i) => s + i.principalFen, 0n)).toBe(afterThree.balanceFen - 20000000n);
  });

  it('keeps the instalment and ends earlier when the term is shortened', () => {
    const result = calculatePrepayment({
      ...base,
      prepaymentDate: '2024-04-20',
      prepaymentPrincipalFen: 20000000n,
      option: 'shortenTerm',
      currentInstallmentFen: afterThree.paymentFen,
    });
    const rows = result.schedule!.installments;
    expect(rows.length).toBeLessThan(remainingDueDates.length);
    expect(rows.slice(0, -1).every((i) => i.paymentFen === afterThree.paymentFen)).toBe(true);
    expect(rows.at(-1)!.balanceFen).toBe(0n);
    // the first remaining period runs from the prepayment date: 25 days (04-20 → 05-15) at actual/360
    expect(rows[0]!.interestFen).toBe(
      ((afterThree.balanceFen - 20000000n) * 25n * 345n * 2n + 3600000n) / 7200000n,
    );
  });

  it('rejects a partial prepayment of the whole balance and a date outside the current period', () => {
    expect(() =>
      calculatePrepayment({
        ...base,
        prepaymentDate: '2024-05-05',
        prepaymentPrincipalFen: afterThree.balanceFen,
      }),
    ).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: 'PREPAYMENT_AMOUNT_INVALID' })] }),
    );
    expect(() =>
      calculatePrepayment({ ...base, prepaymentDate: '2024-06-01', prepaymentPrincipalFen: 'full' }),
    ).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: 'PREPAYMENT_DATE_INVALID' })] }),
    );
  });
});

describe('extension 展期 and renewal 续贷', () => {
  it('re-amortises the outstanding balance over the remaining periods plus the extension', () => {
    const { schedule, restructured } = calculateExtensionSchedule({
      outstandingPrincipalFen: afterThree.balanceFen,
      annualRate,
      method: 'annuity',
      lastDueDate: afterThree.accrualEndDate,
      remainingPeriods: 9,
      extensionMonths: 6,
      borrowerInDifficulty: true,
    });
    expect(schedule.installments).toHaveLength(15);
    expect(schedule.installments.at(-1)?.dueDate).toBe('2025-07-15'); // 2024-04-15 + 9 + 6 months;
    expect(schedule.installments.reduce((s, i) => s + i.principalFen, 0n)).toBe(afterThree.balanceFen);
    expect(restructured).toBe(true);
  });

  it('rejects an extension of zero months', () => {
    expect(() =>
      calculateExtensionSchedule({
        outstandingPrincipalFen: 1n,
        annualRate,
        method: 'annuity',
        lastDueDate: '2024-01-01',
        remainingPeriods: 1,
        extensionMonths: 0,
      }),
    ).toThrow(expect.objectContaining({ code: 'LOAN_EXTENSION_INVALID' }));
  });

  it('schedules a renewal as a new loan for the outstanding balance from the renewal date', () => {
    const schedule = calculateRenewalSchedule({
      outstandingPrincipalFen: 50000000n,
      renewalDate: '2025-01-15',
      termMonths: 12,
      annualRate: parseRatePct('3.10'),
      method: 'interestOnly',
    });
    expect(schedule.installments[0]).toMatchObject({
      dueDate: '2025-02-15',
      interestFen: 129167n,
      principalFen: 0n,
    });
    expect(schedule.installments.at(-1)?.principalFen).toBe(50000000n);
  });
});
