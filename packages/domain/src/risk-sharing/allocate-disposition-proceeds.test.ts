import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDispositionProceeds } from './allocate-disposition-proceeds.ts';

const distribution = [
  { party: 'guarantor', weight: 40n },
  { party: 'bank', weight: 40n },
  { party: 'pool', weight: 20n },
];

describe('allocateDispositionProceeds', () => {
  it('pays disposal costs first, then splits the net proceeds by the ratios fixed before disposal', () => {
    expect(
      allocateDispositionProceeds({
        proceedsFen: 200_000_00n,
        costs: [
          { kind: 'auction_commission', amountFen: 10_000_00n },
          { kind: 'legal', amountFen: 5_000_00n },
        ],
        distribution,
      }),
    ).toEqual({
      costs: [
        { kind: 'auction_commission', paidFen: 10_000_00n, unpaidFen: 0n },
        { kind: 'legal', paidFen: 5_000_00n, unpaidFen: 0n },
      ],
      netProceedsFen: 185_000_00n,
      distribution: [
        { party: 'guarantor', amountFen: 74_000_00n },
        { party: 'bank', amountFen: 74_000_00n },
        { party: 'pool', amountFen: 37_000_00n },
      ],
    });
  });

  it('leaves later costs unpaid and distributes nothing when the proceeds do not cover the costs', () => {
    const result = allocateDispositionProceeds({
      proceedsFen: 12_000_00n,
      costs: [
        { kind: 'valuation', amountFen: 10_000_00n },
        { kind: 'legal', amountFen: 5_000_00n },
      ],
      distribution,
    });
    expect(result.costs).toEqual([
      { kind: 'valuation', paidFen: 10_000_00n, unpaidFen: 0n },
      { kind: 'legal', paidFen: 2_000_00n, unpaidFen: 3_000_00n },
    ]);
    expect(result.netProceedsFen).toBe(0n);
    expect(result.distribution.every((part) => part.amountFen === 0n)).toBe(true);
  });

  it('refuses negative proceeds or costs', () => {
    expect(() => allocateDispositionProceeds({ proceedsFen: -1n, costs: [], distribution })).toThrow(
      expect.objectContaining({ code: 'DISPOSITION_AMOUNT_INVALID' }),
    );
  });

  it('always accounts for every fen of the proceeds: costs paid + distribution = proceeds', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 12n),
        fc.array(fc.bigInt(0n, 10n ** 10n), { maxLength: 5 }),
        (proceedsFen, costs) => {
          const result = allocateDispositionProceeds({
            proceedsFen,
            costs: costs.map((amountFen, i) => ({ kind: `c${i}`, amountFen })),
            distribution,
          });
          const paid = result.costs.reduce((sum, c) => sum + c.paidFen, 0n);
          expect(paid + result.distribution.reduce((sum, d) => sum + d.amountFen, 0n)).toBe(proceedsFen);
        },
      ),
    );
  });
});
