import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reserveBudget } from './reserve-budget.ts';

describe('reserveBudget', () => {
  it('grants in full while the budget covers the amount', () => {
    expect(reserveBudget(100_000_00n, 80_000_00n)).toEqual({
      outcome: 'granted',
      grantedFen: 80_000_00n,
      remainingAfterFen: 20_000_00n,
    });
  });

  it('grants the rest when short under grant_partial, so the budget runs out exactly', () => {
    expect(reserveBudget(50_000_00n, 80_000_00n, 'grant_partial')).toEqual({
      outcome: 'partial',
      grantedFen: 50_000_00n,
      remainingAfterFen: 0n,
    });
  });

  it('refuses when short under refuse, and always once the budget is used up', () => {
    expect(reserveBudget(50_000_00n, 80_000_00n, 'refuse')).toEqual({
      outcome: 'refused',
      grantedFen: 0n,
      remainingAfterFen: 50_000_00n,
    });
    expect(reserveBudget(0n, 1n, 'grant_partial')).toEqual({
      outcome: 'refused',
      grantedFen: 0n,
      remainingAfterFen: 0n,
    });
  });

  it('refuses negative amounts', () => {
    expect(() => reserveBudget(-1n, 1n)).toThrow(expect.objectContaining({ code: 'SUBSIDY_AMOUNT_INVALID' }));
  });

  it('never overdraws the budget over any first-come-first-served sequence of applications', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 10n),
        fc.array(fc.bigInt(0n, 10n ** 9n), { maxLength: 40 }),
        fc.constantFrom('grant_partial' as const, 'refuse' as const),
        (budgetFen, asks, whenShort) => {
          let remainingFen = budgetFen;
          let grantedFen = 0n;
          for (const amountFen of asks) {
            const reservation = reserveBudget(remainingFen, amountFen, whenShort);
            expect(reservation.grantedFen <= amountFen).toBe(true);
            grantedFen += reservation.grantedFen;
            remainingFen = reservation.remainingAfterFen;
            expect(remainingFen >= 0n).toBe(true);
          }
          expect(grantedFen + remainingFen).toBe(budgetFen);
        },
      ),
    );
  });
});
