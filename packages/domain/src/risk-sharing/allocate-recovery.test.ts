import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRecovery } from './allocate-recovery.ts';

describe('allocateRecovery', () => {
  it('shares a recovery back pro rata to what each party bore', () => {
    const borne = [
      { party: 'bank', amountFen: 400_00n },
      { party: 'guarantor', amountFen: 400_00n },
      { party: 'pool', amountFen: 200_00n },
    ];
    expect(allocateRecovery(300_00n, borne)).toEqual({
      shares: [
        { party: 'bank', amountFen: 120_00n },
        { party: 'guarantor', amountFen: 120_00n },
        { party: 'pool', amountFen: 60_00n },
      ],
      surplusFen: 0n,
    });
  });

  it('returns nobody more than it bore and keeps any recovery above the total loss as surplus', () => {
    expect(
      allocateRecovery(150n, [
        { party: 'bank', amountFen: 60n },
        { party: 'pool', amountFen: 40n },
      ]),
    ).toEqual({
      shares: [
        { party: 'bank', amountFen: 60n },
        { party: 'pool', amountFen: 40n },
      ],
      surplusFen: 50n,
    });
  });

  it('refuses to share when nobody bore anything', () => {
    expect(() => allocateRecovery(1n, [{ party: 'bank', amountFen: 0n }])).toThrow(
      expect.objectContaining({ code: 'RECOVERY_BASIS_EMPTY' }),
    );
  });

  it('always returns shares that add up to the recovery (up to the loss) and stay within what each bore', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 12n),
        fc.array(fc.bigInt(0n, 10n ** 11n), { minLength: 1, maxLength: 6 }),
        (recoveredFen, amounts) => {
          fc.pre(amounts.some((a) => a > 0n));
          const borne = amounts.map((amountFen, i) => ({ party: `p${i}`, amountFen }));
          const result = allocateRecovery(recoveredFen, borne);
          expect(result.shares.reduce((sum, s) => sum + s.amountFen, 0n) + result.surplusFen).toBe(
            recoveredFen,
          );
          result.shares.forEach((share, i) => expect(share.amountFen <= amounts[i]!).toBe(true));
        },
      ),
    );
  });
});
