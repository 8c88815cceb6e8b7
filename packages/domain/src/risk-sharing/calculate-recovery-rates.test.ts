import { describe, expect, it } from 'vitest';
import { calculateRecoveryRates } from './calculate-recovery-rates.ts';

describe('calculateRecoveryRates', () => {
  it('aggregates recovered ÷ exposure exactly by IP kind and disposition path', () => {
    const rows = calculateRecoveryRates([
      { ipKind: 'invention_patent', path: 'auction', exposureFen: 3_000_000_00n, recoveredFen: 200_000_00n },
      { ipKind: 'trademark', path: 'transfer', exposureFen: 500_000_00n, recoveredFen: 250_000_00n },
      { ipKind: 'invention_patent', path: 'auction', exposureFen: 1_000_000_00n, recoveredFen: 600_000_00n },
      { ipKind: 'invention_patent', path: 'reverse_licence', exposureFen: 0n, recoveredFen: 0n },
    ]);
    expect(rows.map((r) => [r.ipKind, r.path, r.caseCount, r.recoveryRate])).toEqual([
      ['invention_patent', 'reverse_licence', 1, null],
      ['invention_patent', 'auction', 2, { numerator: 1n, denominator: 5n }],
      ['trademark', 'transfer', 1, { numerator: 1n, denominator: 2n }],
    ]);
  });

  it('refuses negative amounts', () => {
    expect(() =>
      calculateRecoveryRates([{ ipKind: 'trademark', path: 'auction', exposureFen: -1n, recoveredFen: 0n }]),
    ).toThrow(expect.objectContaining({ code: 'DISPOSITION_AMOUNT_INVALID' }));
  });
});
