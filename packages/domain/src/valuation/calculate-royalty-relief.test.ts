import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYuan, parseRatePct, parseYuan } from '../money/index.ts';
import golden from './__fixtures__/royalty-relief-3y-5pct-12pct.json' with { type: 'json' };
import market from './__fixtures__/market-cost-reconcile.json' with { type: 'json' };
import { buildDiscountRate } from './build-discount-rate.ts';
import { calculateCostValue } from './calculate-cost-value.ts';
import { calculateMarketValue } from './calculate-market-value.ts';
import { calculateRoyaltyRelief, type RoyaltyReliefInput } from './calculate-royalty-relief.ts';
import { calculateSensitivityTable } from './calculate-sensitivity-table.ts';
import { reconcileValuation } from './reconcile-valuation.ts';
import { formatRatePct } from '../money/rate.ts';

const base: RoyaltyReliefInput = {
  revenueForecastFen: golden.input.revenueYuan.map(parseYuan),
  royaltyRate: parseRatePct(golden.input.royaltyRatePct),
  attributionShare: parseRatePct(golden.input.attributionPct),
  taxRate: parseRatePct(golden.input.taxRatePct),
  discountRate: parseRatePct(golden.input.discountRatePct),
};

describe('calculateRoyaltyRelief', () => {
  it('reproduces the hand-computed example: year 1 = 1,000,000 × 5 % × 100 % × 75 % / 1.12 = 33,482.14, total 106,724.33', () => {
    const result = calculateRoyaltyRelief(base);
    expect(result.years.map((y) => formatYuan(y.afterTaxRoyaltyFen))).toEqual(
      golden.expected.afterTaxRoyaltyYuan,
    );
    expect(result.years.map((y) => formatYuan(y.presentValueFen))).toEqual(golden.expected.presentValuesYuan);
    expect(formatYuan(result.valueFen)).toBe(golden.expected.valueYuan);
  });

  it('rounds the total once from exact present values, not by adding rounded years', () => {
    // Three years of 1 fen of after-tax royalty at 0 %: each year 1/3 fen would round to 0, the exact total to 1.
    const result = calculateRoyaltyRelief({
      ...base,
      revenueForecastFen: [1n, 1n, 1n],
      royaltyRate: parseRatePct('100'),
      taxRate: parseRatePct('0'),
      attributionShare: { numerator: 1n, denominator: 3n },
      discountRate: parseRatePct('0.00000001'),
    });
    expect(result.years.every((y) => y.presentValueFen === 0n)).toBe(true);
    expect(result.valueFen).toBe(1n);
  });

  it('mid-year discounting uses (1+r)^(t−1)·(1+r/2) and is worth more than end-of-year', () => {
    const mid = calculateRoyaltyRelief({ ...base, timing: 'midYear' });
    const byHand = 37_500 / 1.06 + 45_000 / (1.12 * 1.06) + 52_500 / (1.12 ** 2 * 1.06);
    expect(Math.abs(Number(mid.valueFen) / 100 - byHand)).toBeLessThan(0.01);
    expect(mid.valueFen).toBeGreaterThan(calculateRoyaltyRelief(base).valueFen);
  });

  it('rejects an empty forecast, a zero discount rate and a tax rate of 100 %', () => {
    expect(() => calculateRoyaltyRelief({ ...base, revenueForecastFen: [] })).toThrow(
      'VALUATION_FORECAST_EMPTY',
    );
    expect(() => calculateRoyaltyRelief({ ...base, discountRate: parseRatePct('0') })).toThrow(
      'VALUATION_DISCOUNT_RATE_INVALID',
    );
    expect(() => calculateRoyaltyRelief({ ...base, taxRate: parseRatePct('100') })).toThrow(
      'VALUATION_RATE_OUT_OF_RANGE',
    );
  });

  it('falls as the discount rate rises and grows with the royalty rate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 10, max: 2000 }),
        (discountBps, royaltyBps) => {
          const at = (d: number, k: number) =>
            calculateRoyaltyRelief({
              ...base,
              discountRate: { numerator: BigInt(d), denominator: 10_000n },
              royaltyRate: { numerator: BigInt(k), denominator: 10_000n },
            }).valueFen;
          expect(at(discountBps + 50, royaltyBps)).toBeLessThanOrEqual(at(discountBps, royaltyBps));
          expect(at(discountBps, royaltyBps + 10)).toBeGreaterThanOrEqual(at(discountBps, royaltyBps));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('buildDiscountRate', () => {
  it('adds the risk premia to the risk-free rate exactly: 2.5 % + 4 % + 3 % + 2.5 % = 12 %', () => {
    const rate = buildDiscountRate({
      riskFreeRate: parseRatePct('2.5'),
      riskPremia: [
        { name: 'technology', rate: parseRatePct('4') },
        { name: 'market', rate: parseRatePct('3') },
        { name: 'management', rate: parseRatePct('2.5') },
      ],
    });
    expect(formatRatePct(rate)).toBe('12.00');
  });
});

describe('calculateSensitivityTable', () => {
  it('has the base value in its centre cell and the rates as headers (property over steps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (steps) => {
        const table = calculateSensitivityTable({
          base,
          discountRateStep: parseRatePct('1'),
          royaltyRateStep: parseRatePct('0.5'),
          steps,
        });
        expect(table.valuesFen[steps]![steps]).toBe(calculateRoyaltyRelief(base).valueFen);
        expect(table.baseValueFen).toBe(calculateRoyaltyRelief(base).valueFen);
        expect(table.discountRatesPct[steps]).toBe('12.00');
        expect(table.royaltyRatesPct.length).toBe(2 * steps + 1);
      }),
      { numRuns: 4 },
    );
  });

  it('decreases down each column (higher discount rate) and increases along each row (higher royalty)', () => {
    const table = calculateSensitivityTable({
      base,
      discountRateStep: parseRatePct('2'),
      royaltyRateStep: parseRatePct('1'),
      steps: 2,
    });
    for (let i = 1; i < 5; i += 1)
      for (let j = 0; j < 5; j += 1)
        expect(table.valuesFen[i]![j]!).toBeLessThan(table.valuesFen[i - 1]![j]!);
    for (let i = 0; i < 5; i += 1)
      for (let j = 1; j < 5; j += 1)
        expect(table.valuesFen[i]![j]!).toBeGreaterThan(table.valuesFen[i]![j - 1]!);
  });
});

describe('market, cost and reconciliation', () => {
  const marketResult = calculateMarketValue({
    comparables: market.market.comparables.map((c) => ({
      comparableId: c.comparableId,
      kind: c.kind as 'trade' | 'licence',
      priceFen: parseYuan(c.priceYuan),
      factors: {
        ...(c.timePct === undefined ? {} : { time: parseRatePct(c.timePct) }),
        ...(c.technologyPct === undefined ? {} : { technology: parseRatePct(c.technologyPct) }),
      },
    })),
  });
  const costResult = calculateCostValue({
    reproductionCostFen: parseYuan(market.cost.reproductionCostYuan),
    physicalObsolescence: parseRatePct(market.cost.physicalPct),
    functionalObsolescence: parseRatePct(market.cost.functionalPct),
    economicObsolescence: parseRatePct(market.cost.economicPct),
  });

  it('market approach: adjusts each comparable by the product of its factor ratios and takes the weighted mean', () => {
    expect(formatYuan(marketResult.valueFen)).toBe(market.market.expectedYuan);
    expect(marketResult.comparables.map((c) => formatYuan(c.adjustedPriceFen))).toEqual([
      '945000.00',
      '1100000.00',
    ]);
    expect(() => calculateMarketValue({ comparables: [] })).toThrow('VALUATION_COMPARABLES_EMPTY');
  });

  it('cost approach: reproduction cost × (1 − physical) × (1 − functional) × (1 − economic)', () => {
    expect(formatYuan(costResult.valueFen)).toBe(market.cost.expectedYuan);
  });

  it('reconciliation weights the exact indications and rounds value, pledge value and maximum loan once each', () => {
    const income = calculateRoyaltyRelief(base);
    const w = market.reconcile.weightsBps;
    const result = reconcileValuation({
      indications: [
        { approach: 'income', exactValueFen: income.exactValueFen, weightBps: w.income },
        { approach: 'market', exactValueFen: marketResult.exactValueFen, weightBps: w.market },
        { approach: 'cost', exactValueFen: costResult.exactValueFen, weightBps: w.cost },
      ],
      pledgeRatio: parseRatePct(market.reconcile.pledgeRatioPct),
      maxPledgeRate: parseRatePct(market.reconcile.maxPledgeRatePct),
    });
    const e = market.reconcile.expected;
    expect(
      [result.valueFen, result.lowFen, result.highFen, result.pledgeValueFen, result.maxLoanFen].map(
        formatYuan,
      ),
    ).toEqual([e.valueYuan, e.lowYuan, e.highYuan, e.pledgeValueYuan, e.maxLoanYuan]);
    expect(result.rangeBasis).toBe('approaches');
  });

  it('a ± band gives value × (1 ± band) as the range', () => {
    const result = reconcileValuation({
      indications: [{ approach: 'cost', exactValueFen: costResult.exactValueFen, weightBps: 1 }],
      rangeBand: parseRatePct('10'),
      pledgeRatio: parseRatePct('100'),
      maxPledgeRate: parseRatePct('50'),
    });
    expect([result.lowFen, result.valueFen, result.highFen, result.maxLoanFen].map(formatYuan)).toEqual([
      '486000.00',
      '540000.00',
      '594000.00',
      '270000.00',
    ]);
    expect(() =>
      reconcileValuation({
        indications: [],
        pledgeRatio: parseRatePct('100'),
        maxPledgeRate: parseRatePct('50'),
      }),
    ).toThrow('VALUATION_APPROACHES_EMPTY');
  });
});
