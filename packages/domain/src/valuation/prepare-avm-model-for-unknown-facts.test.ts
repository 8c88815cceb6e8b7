import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calculatePatentScoreFromFacts } from './calculate-patent-score.ts';
import type { PatentScoringFacts } from './derive-patent-scoring-facts.ts';
import {
  AVM_PARAMETERS_2024,
  calculateAvmBatch,
  createAvmColumns,
  createAvmOutput,
  prepareAvmModel,
  setAvmFacts,
} from './calculate-avm-batch.ts';
import {
  prepareAvmModelForUnknownFacts,
  unknownAvmFactsMask,
} from './prepare-avm-model-for-unknown-facts.ts';

/** Facts with any of the six optional ones missing (null), as a registry record without supplement has them. */
const factsArbitrary: fc.Arbitrary<PatentScoringFacts> = fc
  .record({
    validity: fc.constantFrom(0 as const, 1 as const, 2 as const),
    invalidation: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    litigation: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    termDays: fc.integer({ min: 1, max: 7800 }),
    remainingDays: fc.integer({ min: 0, max: 7800 }),
    licencePoints: fc.integer({ min: 0, max: 200 }),
    financingCount: fc.integer({ min: 0, max: 5 }),
    ipcSubclassCount: fc.option(fc.integer({ min: 1, max: 6 })),
    familySize: fc.option(fc.integer({ min: 1, max: 40 })),
    claimsCount: fc.option(fc.integer({ min: 0, max: 60 })),
    claimKinds: fc.option(fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const)),
    forwardCitations: fc.option(fc.integer({ min: 0, max: 100 })),
    annualRevenueFen: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 })),
  })
  .map((f) => ({ ...f, remainingDays: Math.min(f.remainingDays, f.termDays) }));

describe('prepareAvmModelForUnknownFacts', () => {
  it('scores a missing fact at the default 50 exactly as the exact scorer does, for any facts (property)', () => {
    const model = prepareAvmModel();
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const columns = createAvmColumns(1);
        setAvmFacts(columns, 0, facts);
        const output = createAvmOutput(1);
        calculateAvmBatch(columns, prepareAvmModelForUnknownFacts(model, unknownAvmFactsMask(facts)), output);
        const exact = calculatePatentScoreFromFacts({ facts, weightTable: AVM_PARAMETERS_2024.weightTable });
        expect(output.scoreHundredths[0]).toBe(Number(exact.overallScoreHundredths));
        if (facts.annualRevenueFen === null) expect(output.valueFen[0]).toBe(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the model as it is when every fact is known, and marks each missing fact by its own bit', () => {
    const model = prepareAvmModel();
    expect(prepareAvmModelForUnknownFacts(model, 0)).toBe(model);
    const known: PatentScoringFacts = {
      validity: 1,
      invalidation: 0,
      litigation: 0,
      remainingDays: 100,
      termDays: 7305,
      licencePoints: 0,
      financingCount: 0,
      ipcSubclassCount: 1,
      familySize: 1,
      claimsCount: 1,
      claimKinds: 1,
      forwardCitations: 0,
      annualRevenueFen: 0,
    };
    expect(unknownAvmFactsMask(known)).toBe(0);
    expect(unknownAvmFactsMask({ ...known, familySize: null, annualRevenueFen: null })).toBe(0b100010);
  });
});
