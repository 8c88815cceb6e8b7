import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITY_POOL_RATIOS_EXAMPLE, calculatePoolCompensation } from './calculate-pool-compensation.ts';

describe('calculatePoolCompensation', () => {
  it('compensates an IP pledge loan 1 : 1 with the bank when the budget suffices', () => {
    expect(
      calculatePoolCompensation({
        bankRetainedLossFen: 200_000_01n,
        loanCategory: 'ip_pledge_loan',
        ratios: CITY_POOL_RATIOS_EXAMPLE,
        remainingBudgetFen: 10_000_000_00n,
      }),
    ).toEqual({
      ratioBps: 5_000n,
      entitledFen: 100_000_01n,
      payoutFen: 100_000_01n,
      shortfallFen: 0n,
      remainingBudgetAfterFen: 9_899_999_99n,
    });
  });

  it('pays min(entitled, remaining budget) and leaves the shortfall with the bank', () => {
    expect(
      calculatePoolCompensation({
        bankRetainedLossFen: 200_000_01n,
        loanCategory: 'ip_pledge_loan',
        ratios: CITY_POOL_RATIOS_EXAMPLE,
        remainingBudgetFen: 80_000_00n,
      }),
    ).toEqual({
      ratioBps: 5_000n,
      entitledFen: 100_000_01n,
      payoutFen: 80_000_00n,
      shortfallFen: 20_000_01n,
      remainingBudgetAfterFen: 0n,
    });
  });

  it('refuses a loan category without a configured ratio and a negative budget', () => {
    expect(() =>
      calculatePoolCompensation({
        bankRetainedLossFen: 1n,
        loanCategory: 'credit_loan',
        ratios: CITY_POOL_RATIOS_EXAMPLE,
        remainingBudgetFen: 1n,
      }),
    ).toThrow(expect.objectContaining({ code: 'POOL_RATIO_NOT_CONFIGURED' }));
    expect(() =>
      calculatePoolCompensation({
        bankRetainedLossFen: 1n,
        loanCategory: 'ip_pledge_loan',
        ratios: CITY_POOL_RATIOS_EXAMPLE,
        remainingBudgetFen: -1n,
      }),
    ).toThrow(expect.objectContaining({ code: 'POOL_BUDGET_INVALID' }));
  });

  it('never overdraws the pool budget over any sequence of claims', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 10n),
        fc.array(fc.bigInt(0n, 10n ** 9n), { maxLength: 30 }),
        (budgetFen, losses) => {
          let remainingFen = budgetFen;
          let paidFen = 0n;
          for (const lossFen of losses) {
            const result = calculatePoolCompensation({
              bankRetainedLossFen: lossFen,
              loanCategory: 'ip_pledge_loan',
              ratios: CITY_POOL_RATIOS_EXAMPLE,
              remainingBudgetFen: remainingFen,
            });
            expect(result.payoutFen <= result.entitledFen).toBe(true);
            paidFen += result.payoutFen;
            remainingFen = result.remainingBudgetAfterFen;
            expect(remainingFen >= 0n).toBe(true);
          }
          expect(paidFen + remainingFen).toBe(budgetFen);
        },
      ),
    );
  });
});
