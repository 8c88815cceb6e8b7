import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYuan } from '../money/format-yuan.ts';
import { calculatePortfolioValue, type PortfolioAsset } from './calculate-portfolio-value.ts';
import { calculateEvaluatorQuality } from './calculate-evaluator-quality.ts';
import { calculateValuationFee } from './calculate-valuation-fee.ts';

describe('calculatePortfolioValue', () => {
  it('counts a bundled licence covering two assets once and splits it between them', () => {
    const licence = { licenceId: 'lic-bundle', valueFen: 100_001n };
    const result = calculatePortfolioValue([
      { assetId: 'p1', standaloneValueFen: 1_000_000n, licences: [licence] },
      { assetId: 'p2', standaloneValueFen: 500_000n, licences: [licence] },
    ]);
    expect(result.totalFen).toBe(1_600_001n);
    expect(result.licencesFen).toBe(100_001n);
    expect(result.assets).toEqual([
      { assetId: 'p1', valueFen: 1_050_001n },
      { assetId: 'p2', valueFen: 550_000n },
    ]);
  });

  it('total = Σ standalone + Σ distinct licences, and the per-asset values add up to it (property)', () => {
    const licences = fc.uniqueArray(
      fc.record({
        licenceId: fc.constantFrom('l1', 'l2', 'l3', 'l4'),
        valueFen: fc.bigInt({ min: 0n, max: 10n ** 10n }),
      }),
      { selector: (l) => l.licenceId },
    );
    fc.assert(
      fc.property(
        licences,
        fc.array(
          fc.record({
            standaloneValueFen: fc.bigInt({ min: 0n, max: 10n ** 10n }),
            picks: fc.array(fc.nat(), { maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (catalogue, drafts) => {
          const assets: PortfolioAsset[] = drafts.map((d, i) => ({
            assetId: `a${i}`,
            standaloneValueFen: d.standaloneValueFen,
            licences: catalogue.length === 0 ? [] : d.picks.map((p) => catalogue[p % catalogue.length]!),
          }));
          const result = calculatePortfolioValue(assets);
          const used = new Map(
            assets.flatMap((a) => a.licences.map((l) => [l.licenceId, l.valueFen] as const)),
          );
          const expected =
            assets.reduce((s, a) => s + a.standaloneValueFen, 0n) +
            [...used.values()].reduce((s, v) => s + v, 0n);
          expect(result.totalFen).toBe(expected);
          expect(result.assets.reduce((s, a) => s + a.valueFen, 0n)).toBe(result.totalFen);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses one licence id with two different amounts', () => {
    expect(() =>
      calculatePortfolioValue([
        { assetId: 'p1', standaloneValueFen: 0n, licences: [{ licenceId: 'l', valueFen: 1n }] },
        { assetId: 'p2', standaloneValueFen: 0n, licences: [{ licenceId: 'l', valueFen: 2n }] },
      ]),
    ).toThrow('VALUATION_LICENCE_VALUE_CONFLICT');
  });
});

describe('calculateEvaluatorQuality', () => {
  it('weights reviews 60 % and realised-price deviation 40 %: 3 confirmed + 1 rejected, one 20 % overvaluation → 77.00', () => {
    const q = calculateEvaluatorQuality({
      reviewOutcomes: ['confirmed', 'confirmed', 'confirmed', 'rejected'],
      realisations: [{ kind: 'trade', reportedValueFen: 120_000_000n, realisedPriceFen: 100_000_000n }],
    });
    expect(q).toMatchObject({
      score: '77.00',
      reviewScore: '75.00',
      deviationScore: '80.00',
      meanDeviationPct: '20.00',
    });
  });

  it('an adjusted report counts half; a deviation beyond 100 % scores 0 on that part', () => {
    const q = calculateEvaluatorQuality({
      reviewOutcomes: ['adjusted'],
      realisations: [{ kind: 'disposal', reportedValueFen: 3_000_000_00n, realisedPriceFen: 200_000_00n }],
    });
    expect(q).toMatchObject({ reviewScore: '50.00', deviationScore: '0.00', score: '30.00' });
  });
});

describe('calculateValuationFee', () => {
  it('charges by marginal bands and splits the fee by largest remainder: 3 m yuan → 14,000.00 = 7,000 + 4,200 + 2,800', () => {
    const fee = calculateValuationFee({
      valueFen: 300_000_000n,
      sharesBps: { enterprise: 5000, bank: 3000, subsidy: 2000 },
    });
    expect(formatYuan(fee.feeFen)).toBe('14000.00');
    expect([fee.split.enterpriseFen, fee.split.bankFen, fee.split.subsidyFen].map(formatYuan)).toEqual([
      '7000.00',
      '4200.00',
      '2800.00',
    ]);
  });

  it('applies the minimum fee and the shares always add up to the fee (property)', () => {
    expect(
      calculateValuationFee({ valueFen: 10_000_00n, sharesBps: { enterprise: 1, bank: 0, subsidy: 0 } })
        .feeFen,
    ).toBe(300_000n);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.nat(10_000),
        fc.nat(10_000),
        fc.integer({ min: 1, max: 10_000 }),
        (valueFen, e, b, s) => {
          const fee = calculateValuationFee({ valueFen, sharesBps: { enterprise: e, bank: b, subsidy: s } });
          expect(fee.split.enterpriseFen + fee.split.bankFen + fee.split.subsidyFen).toBe(fee.feeFen);
        },
      ),
    );
  });
});
