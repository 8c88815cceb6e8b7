import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR, addMonths, daysBetween, fromEpochDay } from '../calendar/index.ts';
import { formatYuan, parseRatePct, parseYuan } from '../money/index.ts';
import annuity12 from './__fixtures__/annuity-12m-3.45pct.json' with { type: 'json' };
import annuity18 from './__fixtures__/annuity-18m-12pct-whole-yuan.json' with { type: 'json' };
import equal12 from './__fixtures__/equal-principal-12m-3.45pct.json' with { type: 'json' };
import equal18 from './__fixtures__/equal-principal-18m-12pct.json' with { type: 'json' };
import { calculateAnnuityColumns, createAnnuityColumns } from './calculate-annuity-columns.ts';
import { calculateSchedule } from './calculate-schedule.ts';
import type { InterestBasis, RepaymentMethod, Schedule, ScheduleInput } from './loan-types.ts';

interface GoldenFixture {
  rule: string;
  input: {
    principal: string;
    annualRatePct: string;
    termMonths: number;
    method: string;
    startDate: string;
    installmentMultiple?: string;
  };
  expected: {
    payment?: string;
    lastPayment?: string;
    principalEach?: string;
    lastPrincipal?: string;
    installments: Record<string, string | number>[];
    totalInterest: string;
  };
}

function scheduleOf(fixture: GoldenFixture): Schedule {
  const { input } = fixture;
  return calculateSchedule({
    principalFen: parseYuan(input.principal),
    annualRate: parseRatePct(input.annualRatePct),
    termMonths: input.termMonths,
    method: input.method as RepaymentMethod,
    startDate: input.startDate,
    ...(input.installmentMultiple === undefined
      ? {}
      : { installmentMultipleFen: parseYuan(input.installmentMultiple) }),
  });
}

const yuan = (schedule: Schedule) =>
  schedule.installments.map((i) => ({
    period: i.period,
    dueDate: i.dueDate,
    principal: formatYuan(i.principalFen),
    interest: formatYuan(i.interestFen),
    payment: formatYuan(i.paymentFen),
    balance: formatYuan(i.balanceFen),
  }));

describe('golden vectors of domain-reference.md match to the fen', () => {
  it.each([annuity12, annuity18, equal12, equal18] as GoldenFixture[])('$rule', (fixture) => {
    const schedule = scheduleOf(fixture);
    const rows = yuan(schedule);
    const { expected } = fixture;
    expect(rows).toHaveLength(fixture.input.termMonths);
    expect(formatYuan(schedule.totalInterestFen)).toBe(expected.totalInterest);
    for (const row of expected.installments) expect(rows[Number(row['period']) - 1]).toMatchObject(row);
    if (expected.payment !== undefined)
      expect(new Set(rows.slice(0, -1).map((r) => r.payment))).toEqual(new Set([expected.payment]));
    if (expected.lastPayment !== undefined) expect(rows.at(-1)?.payment).toBe(expected.lastPayment);
    if (expected.principalEach !== undefined)
      expect(new Set(rows.slice(0, -1).map((r) => r.principal))).toEqual(new Set([expected.principalEach]));
    if (expected.lastPrincipal !== undefined) expect(rows.at(-1)?.principal).toBe(expected.lastPrincipal);
    expect(rows.at(-1)?.balance).toBe('0.00');
  });
});

const base: ScheduleInput = {
  principalFen: 100000000n,
  annualRate: parseRatePct('3.45'),
  termMonths: 12,
  method: 'annuity',
  startDate: '2024-01-15',
};

describe('schedule conventions', () => {
  it('clamps due dates to month end, always counted from the start (2024-01-31 → 02-29 → 03-31)', () => {
    const dates = calculateSchedule({ ...base, startDate: '2024-01-31', termMonths: 4 }).installments.map(
      (i) => i.dueDate,
    );
    expect(dates).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
  });

  it('charges a quarterly period annual/4 and computes the annuity from the nominal quarterly rate', () => {
    const schedule = calculateSchedule({ ...base, frequency: 'quarterly' });
    expect(schedule.installments.map((i) => i.dueDate)).toEqual([
      '2024-04-15',
      '2024-07-15',
      '2024-10-15',
      '2025-01-15',
    ]);
    expect(schedule.installments[0]?.interestFen).toBe(862500n); // 1,000,000 × 3.45 % / 4
  });

  it('rejects a quarterly term that is not a multiple of 3 with a coded problem', () => {
    expect(() => calculateSchedule({ ...base, frequency: 'quarterly', termMonths: 10 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        problems: [
          expect.objectContaining({ code: 'LOAN_TERM_NOT_MULTIPLE_OF_PERIOD', field: 'termMonths' }),
        ],
      }),
    );
  });

  it.each<[InterestBasis, bigint]>([
    ['ACT/360', 297083n], // 31 days: 1,000,000 × 3.45 % × 31/360 = 2,970.83
    ['ACT/365', 293014n], // × 31/365 = 2,930.137 → 2,930.14
    ['30/360', 287500n],
  ])('charges a full period on the %s basis from its days', (interestBasis, interestFen) => {
    expect(calculateSchedule({ ...base, interestBasis }).installments[0]?.interestFen).toBe(interestFen);
  });

  it('accrues a broken first period at actual days × annual/360 and keeps the nominal annuity instalment', () => {
    const schedule = calculateSchedule({ ...base, firstDueDate: '2024-02-20' });
    const first = schedule.installments[0]!;
    expect(first.dueDate).toBe('2024-02-20');
    expect(first.interestFen).toBe(345000n); // 36 days: 1,000,000 × 3.45 % × 36/360 = 3,450.00
    expect(first.paymentFen).toBe(8489882n);
    expect(schedule.installments.map((i) => i.dueDate).slice(1, 3)).toEqual(['2024-03-20', '2024-04-20']);
    expect(schedule.installments[1]?.interestFen).toBe(
      calculateSchedule({ ...base, principalFen: first.balanceFen, termMonths: 11, startDate: '2024-02-20' })
        .installments[0]?.interestFen,
    );
  });

  it('shifts due dates to the following working day without changing the accrual dates', () => {
    const schedule = calculateSchedule({
      ...base,
      startDate: '2024-08-01',
      termMonths: 3,
      followingWorkingDayCalendar: CN_HOLIDAY_CALENDAR,
    });
    expect(schedule.installments.map((i) => [i.accrualEndDate, i.dueDate])).toEqual([
      ['2024-09-01', '2024-09-02'],
      ['2024-10-01', '2024-10-08'],
      ['2024-11-01', '2024-11-01'],
    ]);
    expect(schedule.installments[1]?.interestFen).toBe(
      calculateSchedule({ ...base, startDate: '2024-08-01', termMonths: 3 }).installments[1]?.interestFen,
    );
    expect(schedule.provisional).toBe(false);
  });

  it('pays 先息后本 interest each period and all principal at maturity', () => {
    const schedule = calculateSchedule({ ...base, method: 'interestOnly' });
    expect(
      schedule.installments.slice(0, -1).every((i) => i.principalFen === 0n && i.interestFen === 287500n),
    ).toBe(true);
    expect(schedule.installments.at(-1)?.principalFen).toBe(100000000n);
    expect(schedule.totalInterestFen).toBe(3450000n);
  });

  it('settles 先息后本 interest on the 结息日 with part periods at actual/360', () => {
    const schedule = calculateSchedule({ ...base, method: 'interestOnly', termMonths: 3, settlementDay: 20 });
    expect(
      schedule.installments.map((i) => [i.accrualStartDate, i.accrualEndDate, formatYuan(i.interestFen)]),
    ).toEqual([
      ['2024-01-15', '2024-01-20', '479.17'], // 5 days × 3.45 %/360
      ['2024-01-20', '2024-02-20', '2875.00'], // a full month
      ['2024-02-20', '2024-03-20', '2875.00'],
      ['2024-03-20', '2024-04-15', '2491.67'], // 26 days × 3.45 %/360
    ]);
    const quarterly = calculateSchedule({
      ...base,
      method: 'interestOnly',
      termMonths: 12,
      frequency: 'quarterly',
      settlementDay: 20,
    });
    expect(quarterly.installments.map((i) => i.accrualEndDate)).toEqual([
      '2024-03-20',
      '2024-06-20',
      '2024-09-20',
      '2024-12-20',
      '2025-01-15',
    ]);
  });

  it('charges a bullet loan once at maturity on the whole term', () => {
    const schedule = calculateSchedule({ ...base, method: 'bullet' });
    expect(yuan(schedule)).toEqual([
      {
        period: 1,
        dueDate: '2025-01-15',
        principal: '1000000.00',
        interest: '34500.00',
        payment: '1034500.00',
        balance: '0.00',
      },
    ]);
    expect(
      calculateSchedule({ ...base, method: 'bullet', interestBasis: 'ACT/365' }).installments[0]?.interestFen,
    ).toBe(3459452n); // 366 days
  });

  it('re-amortises an annuity on the outstanding balance when the floating rate changes', () => {
    const fixed = calculateSchedule({ ...base, termMonths: 24 });
    const floating = calculateSchedule({
      ...base,
      termMonths: 24,
      rateChanges: [{ effectiveDate: '2025-01-15', annualRate: parseRatePct('3.10') }],
    });
    expect(floating.installments.slice(0, 12)).toEqual(fixed.installments.slice(0, 12));
    const month13 = floating.installments[12]!;
    expect(month13.annualRate).toEqual(parseRatePct('3.10'));
    expect(month13.interestFen).toBe((fixed.installments[11]!.balanceFen * 31n * 2n + 12000n) / 24000n);
    expect(month13.paymentFen).toBeLessThan(fixed.installments[12]!.paymentFen);
    expect(floating.installments.at(-1)?.balanceFen).toBe(0n);
  });

  it('collects every invalid field as a coded problem', () => {
    try {
      calculateSchedule({
        ...base,
        principalFen: 0n,
        termMonths: 0,
        startDate: '2024-02-30',
        annualRate: parseRatePct('-1'),
      });
      expect.unreachable();
    } catch (error) {
      expect(
        (error as { problems: { code: string; field: string }[] }).problems.map((p) => [p.code, p.field]),
      ).toEqual([
        ['LOAN_PRINCIPAL_INVALID', 'principalFen'],
        ['LOAN_RATE_INVALID', 'annualRate'],
        ['LOAN_TERM_INVALID', 'termMonths'],
        ['DATE_FORMAT_INVALID', 'startDate'],
      ]);
    }
  });
});

const dateArb = fc.integer({ min: 18262, max: 18262 + 365 * 8 }).map(fromEpochDay); // 2020-01-01 … 2027-12-30
const inputArb: fc.Arbitrary<ScheduleInput> = fc.record({
  principalFen: fc.bigInt(1n, 10n ** 12n),
  annualRate: fc
    .integer({ min: 0, max: 2400 })
    .map((bps) => ({ numerator: BigInt(bps), denominator: 10000n })),
  termMonths: fc.integer({ min: 1, max: 120 }).map((n) => n * 3),
  method: fc.constantFrom<RepaymentMethod>('annuity', 'equalPrincipal', 'interestOnly', 'bullet'),
  startDate: dateArb,
  frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
  interestBasis: fc.constantFrom<InterestBasis>('monthly', 'ACT/360', 'ACT/365', '30/360'),
  installmentMultipleFen: fc.constantFrom(1n, 100n, 10000n),
});

describe('schedule invariants for random loans', () => {
  it('principal parts sum to the loan, balances never rise and never go negative, no amount is negative', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const schedule = calculateSchedule(input);
        let previous = input.principalFen;
        let principalSum = 0n;
        let interestSum = 0n;
        for (const i of schedule.installments) {
          expect(i.principalFen >= 0n && i.interestFen >= 0n && i.balanceFen >= 0n).toBe(true);
          expect(i.balanceFen <= previous).toBe(true);
          expect(i.paymentFen).toBe(i.principalFen + i.interestFen);
          expect(i.balanceFen).toBe(previous - i.principalFen);
          previous = i.balanceFen;
          principalSum += i.principalFen;
          interestSum += i.interestFen;
        }
        expect(principalSum).toBe(input.principalFen);
        expect(previous).toBe(0n);
        expect(schedule.totalInterestFen).toBe(interestSum);
        expect(schedule.totalPaymentFen).toBe(principalSum + interestSum);
      }),
      { numRuns: 300 },
    );
  });

  it('due dates ascend and the last one is the maturity date', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const rows = calculateSchedule(input).installments;
        for (let k = 1; k < rows.length; k += 1)
          expect(daysBetween(rows[k - 1]!.dueDate, rows[k]!.dueDate)).toBeGreaterThan(0);
        if (
          rows.length *
            (input.frequency === 'quarterly' && input.method !== 'bullet'
              ? 3
              : input.method === 'bullet'
                ? input.termMonths
                : 1) ===
          input.termMonths
        ) {
          expect(rows.at(-1)?.dueDate).toBe(addMonths(input.startDate, input.termMonths));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the columnar annuity kernel used for batches matches calculateSchedule to the fen', () => {
    const out = createAnnuityColumns(360);
    fc.assert(
      fc.property(inputArb, (input) => {
        const periodMonths = input.frequency === 'quarterly' ? 3 : 1;
        const schedule = calculateSchedule({ ...input, method: 'annuity', interestBasis: 'monthly' });
        const count = calculateAnnuityColumns(
          { ...input, periods: input.termMonths / periodMonths, periodMonths },
          out,
        );
        expect(count).toBe(schedule.installments.length);
        schedule.installments.forEach((row, k) => {
          expect([out.principalFen[k], out.interestFen[k], out.paymentFen[k], out.balanceFen[k]]).toEqual([
            row.principalFen,
            row.interestFen,
            row.paymentFen,
            row.balanceFen,
          ]);
          expect(out.dueEpochDay[k]).toBe(daysBetween('1970-01-01', row.dueDate));
        });
      }),
      { numRuns: 200 },
    );
  });
});
