import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRepayment, type AllocationStrategy, type AmountsDue } from './allocate-repayment.ts';

const due: AmountsDue = { penaltyFen: 12204n, interestFen: 287500n, principalFen: 8202382n };

describe('repayment allocation', () => {
  it('applies a partial payment to penalty, then interest, then principal by default order', () => {
    expect(allocateRepayment({ paymentFen: 300000n, due, strategy: 'penaltyInterestPrincipal' })).toEqual({
      penaltyFen: 12204n,
      interestFen: 287500n,
      principalFen: 296n,
      excessFen: 0n,
      remainingDue: { penaltyFen: 0n, interestFen: 0n, principalFen: 8202086n },
    });
  });

  it('applies principal first when the product says so', () => {
    const result = allocateRepayment({ paymentFen: 8300000n, due, strategy: 'principalFirst' });
    expect([result.principalFen, result.interestFen, result.penaltyFen]).toEqual([8202382n, 97618n, 0n]);
  });

  it('reports an overpayment as excess instead of losing it', () => {
    expect(
      allocateRepayment({ paymentFen: 8600000n, due, strategy: 'penaltyInterestPrincipal' }).excessFen,
    ).toBe(8600000n - 12204n - 287500n - 8202382n);
  });

  it('rejects a payment that is not positive', () => {
    expect(() => allocateRepayment({ paymentFen: 0n, due, strategy: 'principalFirst' })).toThrow(
      expect.objectContaining({ code: 'REPAYMENT_AMOUNT_INVALID' }),
    );
  });

  it('conserves money for any sequence of payments: paid = principal + interest + penalty allocated + excess, to the fen', () => {
    fc.assert(
      fc.property(
        fc.record({
          penaltyFen: fc.bigInt(0n, 10n ** 8n),
          interestFen: fc.bigInt(0n, 10n ** 9n),
          principalFen: fc.bigInt(0n, 10n ** 11n),
        }),
        fc.array(
          fc.tuple(
            fc.bigInt(1n, 10n ** 10n),
            fc.constantFrom<AllocationStrategy>('penaltyInterestPrincipal', 'principalFirst'),
          ),
          { maxLength: 30 },
        ),
        (initial, payments) => {
          let owed: AmountsDue = initial;
          let paid = 0n;
          let allocated = 0n;
          let excess = 0n;
          for (const [paymentFen, strategy] of payments) {
            const result = allocateRepayment({ paymentFen, due: owed, strategy });
            expect(
              result.penaltyFen >= 0n &&
                result.interestFen >= 0n &&
                result.principalFen >= 0n &&
                result.excessFen >= 0n,
            ).toBe(true);
            paid += paymentFen;
            allocated += result.penaltyFen + result.interestFen + result.principalFen;
            excess += result.excessFen;
            owed = result.remainingDue;
            expect(owed.penaltyFen >= 0n && owed.interestFen >= 0n && owed.principalFen >= 0n).toBe(true);
          }
          expect(paid).toBe(allocated + excess);
          const initialTotal = initial.penaltyFen + initial.interestFen + initial.principalFen;
          expect(owed.penaltyFen + owed.interestFen + owed.principalFen).toBe(initialTotal - allocated);
        },
      ),
    );
  });
});
