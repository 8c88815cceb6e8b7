import { describe, expect, it } from 'vitest';
import { bringChargesUpToDate } from './bring-charges-up-to-date.ts';
import type { InstallmentRow, LoanAccountRow } from './loan-annual-rate.ts';

const account = {
  id: '00000000-0000-4000-8000-000000000001',
  lprRatePct: '3.00',
  spreadBps: 50,
  penaltyMarkupPct: '50',
} as LoanAccountRow;

const overdue: InstallmentRow = {
  id: '00000000-0000-4000-8000-000000000010',
  loanAccountId: account.id,
  period: 1,
  accrualStartDate: '2026-03-02',
  accrualEndDate: '2026-04-02',
  dueDate: '2026-04-02',
  openingBalanceFen: 100_000_000n,
  principalFen: 8_200_000n,
  interestFen: 291_667n,
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

/** fen × 3.5 % × 1.5 × days / 360, half-up, written out. */
const charge = (fen: bigint, days: bigint) => (2n * fen * 35n * 3n * days + 720_000n) / (2n * 720_000n);

describe('overdue charges brought up to a date (罚息 on principal, 复利 on interest, ACT/360 at rate × 1.5)', () => {
  it('charges nothing on or before the due date', () => {
    const { installments, charges } = bringChargesUpToDate(account, [overdue], '2026-04-02');
    expect(charges).toEqual([]);
    expect(installments[0]).toBe(overdue);
  });

  it('starts a new segment after a part payment: later days are charged on what is left, from the payment day', () => {
    // 5 days on the full amounts, then the borrower paid the interest and half the principal on 2026-04-07.
    const first = bringChargesUpToDate(account, [overdue], '2026-04-07').installments[0]!;
    expect(first.penaltyChargedFen).toBe(charge(8_200_000n, 5n));
    expect(first.compoundChargedFen).toBe(charge(291_667n, 5n));
    const afterPayment: InstallmentRow = {
      ...first,
      interestPaidFen: 291_667n,
      principalPaidFen: 4_100_000n,
      chargesPaidFen: first.penaltyChargedFen + first.compoundChargedFen,
      chargeBaseDate: '2026-04-07',
      chargedThroughDate: '2026-04-07',
    };
    const { installments, charges } = bringChargesUpToDate(account, [afterPayment], '2026-04-17');
    expect(installments[0]!.penaltyChargedFen - first.penaltyChargedFen).toBe(charge(4_100_000n, 10n));
    expect(installments[0]!.compoundChargedFen).toBe(first.compoundChargedFen);
    expect(charges.map((c) => c.date)).toHaveLength(10);
    expect(charges.reduce((s, c) => s + c.penaltyFen, 0n)).toBe(charge(4_100_000n, 10n));
  });

  it('leaves paid and superseded instalments alone', () => {
    const paid = { ...overdue, status: 'paid', principalPaidFen: 8_200_000n, interestPaidFen: 291_667n };
    const superseded = { ...overdue, status: 'superseded' };
    expect(bringChargesUpToDate(account, [paid, superseded], '2026-05-01').charges).toEqual([]);
  });
});
