import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSeededRandom, generateDemoAssets } from '../ip-asset/index.ts';
import type { IpAsset } from '../ip-asset/ip-asset.ts';
import { calculatePatentScore, calculatePatentScoreFromFacts } from './calculate-patent-score.ts';
import { calculateRoyaltyRelief } from './calculate-royalty-relief.ts';
import type { PatentScoringFacts } from './derive-patent-scoring-facts.ts';
import {
  AVM_PARAMETERS_2024,
  calculateAvmBatch,
  createAvmColumns,
  createAvmOutput,
  getAvmFacts,
  prepareAvmModel,
  setAvmFacts,
} from './calculate-avm-batch.ts';
import {
  INDICATOR_WEIGHT_TABLES,
  assertIndicatorWeightTable,
  findIndicatorWeightTable,
  valuationScenarios,
} from './indicator-weight-table.ts';
import { indicatorGroups, patentIndicators } from './patent-indicators.ts';

const financing = findIndicatorWeightTable({ asOfDate: '2026-01-01' });
const assets = generateDemoAssets({
  owners: [
    { partyId: 'e1', name: '甲公司' },
    { partyId: 'e2', name: '乙公司' },
  ],
  count: 400,
  random: createSeededRandom(7),
  asOfDate: '2026-01-01',
});
const patents = assets.filter(
  (a): a is IpAsset => a.kind === 'invention_patent' || a.kind === 'utility_model_patent',
);

const factsArbitrary: fc.Arbitrary<PatentScoringFacts> = fc
  .record({
    validity: fc.constantFrom(0 as const, 1 as const, 2 as const),
    invalidation: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    litigation: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    termDays: fc.integer({ min: 1, max: 7800 }),
    remainingDays: fc.integer({ min: 0, max: 7800 }),
    licencePoints: fc.integer({ min: 0, max: 200 }),
    financingCount: fc.integer({ min: 0, max: 5 }),
    ipcSubclassCount: fc.integer({ min: 1, max: 6 }),
    familySize: fc.integer({ min: 1, max: 40 }),
    claimsCount: fc.integer({ min: 0, max: 60 }),
    claimKinds: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    forwardCitations: fc.integer({ min: 0, max: 100 }),
    annualRevenueFen: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  })
  .map((f) => ({ ...f, remainingDays: Math.min(f.remainingDays, f.termDays) }));

describe('indicator model and weights', () => {
  it('has 3 dimensions, 14 second-level groups and 27 indicators (7 legal, 10 technical, 10 economic)', () => {
    expect(indicatorGroups).toHaveLength(14);
    expect(patentIndicators).toHaveLength(27);
    expect(
      ['legal', 'technical', 'economic'].map((d) => patentIndicators.filter((i) => i.dimension === d).length),
    ).toEqual([7, 10, 10]);
    for (const indicator of patentIndicators)
      expect(indicatorGroups.map((g) => g.code)).toContain(indicator.group);
  });

  it('every scenario has a valid weight table in effect since 2023-09-01 and none before', () => {
    for (const scenario of valuationScenarios) {
      const table = findIndicatorWeightTable({ scenario, asOfDate: '2023-09-01' });
      expect(() => assertIndicatorWeightTable(table)).not.toThrow();
      expect(() => findIndicatorWeightTable({ scenario, asOfDate: '2023-08-31' })).toThrow(
        'VALUATION_WEIGHTS_NOT_FOUND',
      );
    }
    expect(INDICATOR_WEIGHT_TABLES).toHaveLength(5);
  });
});

describe('calculatePatentScore', () => {
  it('lists every one of the 27 indicators with value, weight, contribution and source', () => {
    const score = calculatePatentScore({ asset: patents[0]!, asOfDate: '2026-01-01' });
    expect(score.indicators.map((i) => i.indicator)).toEqual(patentIndicators.map((i) => i.code));
    for (const i of score.indicators) {
      expect(i.value).toMatch(/^\d+\.\d\d$/);
      expect(i.contribution).toMatch(/^\d+\.\d\d$/);
      expect(['computed', 'entered', 'default']).toContain(i.source);
    }
    expect(score.indicators.find((i) => i.indicator === 'validity')!.source).toBe('computed');
    expect(score.indicators.find((i) => i.indicator === 'originality')!.source).toBe('default');
  });

  it('scores 50.00 everywhere when every indicator is entered at 50', () => {
    const entries = patentIndicators.map((i) => ({
      indicator: i.code,
      value: 50,
      evidence: 'review memo 1',
    }));
    const score = calculatePatentScore({ asset: patents[0]!, asOfDate: '2026-01-01', entries });
    expect(score.overallScore).toBe('50.00');
    expect(score.dimensions.map((d) => d.score)).toEqual(['50.00', '50.00', '50.00']);
    expect(score.indicators.every((i) => i.source === 'entered' && i.evidence === 'review memo 1')).toBe(
      true,
    );
  });

  it('reproduces a hand computation: contribution = value × dimension weight × indicator weight', () => {
    // Entered 100 for originality only, everything else 0: 100 × 25 % × 12 % = 3.00 points.
    const entries = patentIndicators.map((i) => ({
      indicator: i.code,
      value: i.code === 'originality' ? 100 : 0,
      evidence: 'e',
    }));
    const score = calculatePatentScore({ asset: patents[0]!, asOfDate: '2026-01-01', entries });
    expect(score.overallScore).toBe('3.00');
    expect(score.indicators.find((i) => i.indicator === 'originality')).toMatchObject({
      overallWeightPct: '3.0000',
      contribution: '3.00',
    });
    expect(score.dimensions.find((d) => d.dimension === 'technical')!.score).toBe('12.00');
  });

  it('an evaluator entry needs evidence and a whole value 0–100', () => {
    const asset = patents[0]!;
    expect(() =>
      calculatePatentScore({
        asset,
        asOfDate: '2026-01-01',
        entries: [{ indicator: 'originality', value: 80, evidence: ' ' }],
      }),
    ).toThrow('VALUATION_EVIDENCE_MISSING');
    expect(() =>
      calculatePatentScore({
        asset,
        asOfDate: '2026-01-01',
        entries: [{ indicator: 'originality', value: 101, evidence: 'x' }],
      }),
    ).toThrow('VALUATION_INDICATOR_VALUE_OUT_OF_RANGE');
  });

  it('scores only invention and utility-model patents (GB/T 42748-2023 scope)', () => {
    const trademark = assets.find((a) => a.kind === 'trademark')!;
    expect(() => calculatePatentScore({ asset: trademark, asOfDate: '2026-01-01' })).toThrow(
      'VALUATION_KIND_NOT_SCORED',
    );
  });

  it('keeps every score within 0–100 for any facts and any scenario (property)', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(...valuationScenarios), (facts, scenario) => {
        const score = calculatePatentScoreFromFacts({
          facts,
          weightTable: findIndicatorWeightTable({ scenario, asOfDate: '2026-01-01' }),
        });
        for (const hundredths of [
          score.overallScoreHundredths,
          ...score.dimensions.map((d) => d.scoreHundredths),
        ]) {
          expect(hundredths).toBeGreaterThanOrEqual(0n);
          expect(hundredths).toBeLessThanOrEqual(10_000n);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never falls when the remaining term grows, citations or family grow (property)', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.integer({ min: 1, max: 400 }), (facts, more) => {
        const at = (f: PatentScoringFacts) =>
          calculatePatentScoreFromFacts({ facts: f, weightTable: financing }).overallScoreHundredths;
        const base = at(facts);
        expect(
          at({ ...facts, remainingDays: Math.min(facts.termDays, facts.remainingDays + more) }),
        ).toBeGreaterThanOrEqual(base);
        expect(at({ ...facts, forwardCitations: facts.forwardCitations! + 1 })).toBeGreaterThanOrEqual(base);
        expect(at({ ...facts, familySize: facts.familySize! + 1 })).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 200 },
    );
  });

  it('scores a patent with unpaid fees or a pending invalidation lower than the same patent without', () => {
    const facts = {
      validity: 1,
      invalidation: 0,
      litigation: 0,
      termDays: 7305,
      remainingDays: 4000,
      licencePoints: 0,
      financingCount: 0,
      ipcSubclassCount: 1,
      familySize: 1,
      claimsCount: 8,
      claimKinds: 3,
      forwardCitations: 2,
      annualRevenueFen: 0,
    } as const;
    const at = (f: PatentScoringFacts) =>
      calculatePatentScoreFromFacts({ facts: f, weightTable: financing }).overallScoreHundredths;
    expect(at({ ...facts, validity: 2 })).toBeLessThan(at(facts));
    expect(at({ ...facts, invalidation: 3 })).toBeLessThan(at(facts));
  });
});

describe('calculateAvmBatch', () => {
  it('gives the same score and value as the exact scorer and royalty relief, for any facts (property)', () => {
    const model = prepareAvmModel();
    fc.assert(
      fc.property(fc.array(factsArbitrary, { minLength: 1, maxLength: 20 }), (list) => {
        const columns = createAvmColumns(list.length);
        list.forEach((facts, index) => setAvmFacts(columns, index, facts));
        const output = createAvmOutput(list.length);
        calculateAvmBatch(columns, model, output);
        list.forEach((_, index) => {
          const facts = getAvmFacts(columns, index);
          const score = calculatePatentScoreFromFacts({
            facts,
            weightTable: AVM_PARAMETERS_2024.weightTable,
          });
          expect(output.scoreHundredths[index]).toBe(Number(score.overallScoreHundredths));
          const band = AVM_PARAMETERS_2024.bands.find(
            (b) => Number(score.overallScoreHundredths) >= b.minScoreHundredths,
          )!;
          const years = Math.min(AVM_PARAMETERS_2024.maxLifeYears, Math.floor(facts.remainingDays / 365));
          const expected =
            years === 0 || facts.annualRevenueFen === 0
              ? 0n
              : calculateRoyaltyRelief({
                  revenueForecastFen: Array.from({ length: years }, () => BigInt(facts.annualRevenueFen!)),
                  royaltyRate: band.royaltyRate,
                  attributionShare: AVM_PARAMETERS_2024.attributionShare,
                  taxRate: AVM_PARAMETERS_2024.taxRate,
                  discountRate: band.discountRate,
                }).valueFen;
          expect(output.valueFen[index]).toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  });
});
