import { describe, expect, it } from 'vitest';
import type { InstallmentRow, LoanAccountRow } from './loan-annual-rate.ts';
import { calculateLoanDayServicing } from './calculate-loan-day-servicing.ts';

const account: LoanAccountRow = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  bankId: '00000000-0000-4000-8000-000000000003',
  enterpriseId: '00000000-0000-4000-8000-000000000004',
  principalFen: 100_000_000n,
  outstandingPrincipalFen: 100_000_000n,
  lprTenor: '1Y',
  // 3.45 % = the golden vector's rate (domain-reference.md).
  lprRatePct: '3.45',
  spreadBps: 0,
  penaltyMarkupPct: '50',
  repaymentMethod: 'annuity',
  termMonths: 12,
  disbursementDate: '2024-01-15',
  maturityDate: '2025-01-15',
  entrustedPayment: false,
  counterpartyName: null,
  counterpartyAccount: null,
  entrustedReference: null,
  restructured: false,
  status: 'active',
  closedDate: null,
  servicedThroughDate: '2024-02-15',
  daysPastDue: 0,
  ownGrade: 'normal',
  grade: 'normal',
  disbursedByUserId: '00000000-0000-4000-8000-000000000005',
  version: 1,
  contractVersion: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** The golden vector's first instalment: 84,898.82 = 82,023.82 principal + 2,875.00 interest, due 2024-02-15. */
const first: InstallmentRow = {
  id: '00000000-0000-4000-8000-000000000010',
  loanAccountId: account.id,
  period: 1,
  accrualStartDate: '2024-01-15',
  accrualEndDate: '2024-02-15',
  dueDate: '2024-02-15',
  openingBalanceFen: 100_000_000n,
  principalFen: 8_202_382n,
  interestFen: 287_500n,
  principalPaidFen: 0n,
  interestPaidFen: 0n,
  penaltyChargedFen: 0n,
  compoundChargedFen: 0n,
  chargesPaidFen: 0n,
  status: 'due',
  chargeBaseDate: null,
  chargedThroughDate: null,
  paidDate: null,
  contractVersion: 1,
};
const second: InstallmentRow = {
  ...first,
  id: '00000000-0000-4000-8000-000000000011',
  period: 2,
  accrualStartDate: '2024-02-15',
  accrualEndDate: '2024-03-15',
  dueDate: '2024-03-15',
  openingBalanceFen: 100_000_000n - 8_202_382n,
  principalFen: 8_226_000n,
  interestFen: 263_000n,
  status: 'scheduled',
};

describe('servicing a loan day by day (accrual, overdue, 罚息 and 复利, 2023 grade)', () => {
  it('charges 罚息 on 84,898.82 unpaid for 10 days: the golden 122.04 split into principal and interest parts', () => {
    const result = calculateLoanDayServicing(account, [first, second], '2024-02-25');
    const one = result.installments[0]!;
    // 罚息 on 82,023.82 and 复利 on 2,875.00 at 5.175 %, ACT/360, 10 days, each rounded once.
    expect(one.penaltyChargedFen).toBe(
      (2n * 8_202_382n * 5175n * 10n + 100_000n * 360n) / (2n * 100_000n * 360n),
    );
    expect(one.compoundChargedFen).toBe(
      (2n * 287_500n * 5175n * 10n + 100_000n * 360n) / (2n * 100_000n * 360n),
    );
    expect(one.penaltyChargedFen + one.compoundChargedFen).toBe(12_204n);
    expect(one).toMatchObject({
      status: 'overdue',
      chargeBaseDate: '2024-02-15',
      chargedThroughDate: '2024-02-25',
    });
    expect(result.daysPastDue).toBe(10);
    expect(result.ownGrade).toBe('special_mention');
    const penalties = result.postings.filter((p) => p.kind === 'penalty');
    expect(penalties).toHaveLength(10);
    expect(penalties.reduce((s, p) => s + p.amountFen, 0n)).toBe(one.penaltyChargedFen);
  });

  it('accrues interest unrounded and posts the change of the rounded total each day (a day = balance × rate / 360)', () => {
    const result = calculateLoanDayServicing(account, [first, second], '2024-02-25');
    const accruals = result.postings.filter((p) => p.kind === 'accrual');
    expect(accruals.map((p) => p.businessDate)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2024-02-${String(16 + i).padStart(2, '0')}`),
    );
    // 91,797,618 fen × 3.45 % × 10 / 360, rounded once.
    const exactNumerator = 91_797_618n * 345n * 10n;
    const denominator = 10_000n * 360n;
    expect(accruals.reduce((s, p) => s + p.amountFen, 0n)).toBe(
      (2n * exactNumerator + denominator) / (2n * denominator),
    );
  });

  it('is the same whether run once over ten days or day by day (a resumed run equals a clean one)', () => {
    const once = calculateLoanDayServicing(account, [first, second], '2024-02-25');
    let installments = [first, second];
    let through = account;
    const postings = [];
    for (let day = 16; day <= 25; day += 1) {
      const date = `2024-02-${day}`;
      const step = calculateLoanDayServicing(through, installments, date);
      installments = step.installments;
      postings.push(...step.postings);
      through = { ...through, servicedThroughDate: date };
    }
    expect(installments).toEqual(once.installments);
    expect(postings).toEqual(once.postings);
  });

  it('grades a restructured loan at least 关注 and one more than 90 days past due 次级', () => {
    expect(
      calculateLoanDayServicing({ ...account, restructured: true }, [second], '2024-02-25').ownGrade,
    ).toBe('special_mention');
    expect(calculateLoanDayServicing(account, [first, second], '2024-05-16').ownGrade).toBe('substandard');
  });
});
