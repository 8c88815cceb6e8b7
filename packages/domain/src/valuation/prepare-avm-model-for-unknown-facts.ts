import { DEFAULT_INDICATOR_VALUE } from './calculate-patent-score.ts';
import type { AvmModel } from './calculate-avm-batch.ts';
import type { PatentScoringFacts } from './derive-patent-scoring-facts.ts';
import type { PatentIndicatorCode } from './patent-indicators.ts';

/** The optional scoring facts a registry record may lack, with the indicator each one feeds (bit = index). */
const optionalFacts: readonly {
  readonly fact: keyof PatentScoringFacts;
  readonly indicator: PatentIndicatorCode;
}[] = [
  { fact: 'ipcSubclassCount', indicator: 'fieldCount' },
  { fact: 'familySize', indicator: 'patentFamily' },
  { fact: 'claimsCount', indicator: 'claimReasonableness' },
  { fact: 'claimKinds', indicator: 'claimType' },
  { fact: 'forwardCitations', indicator: 'citations' },
  { fact: 'annualRevenueFen', indicator: 'salesRevenue' },
];

/**
 * 缺失事实掩码 (unknown-facts mask) of a patent's scoring facts: bit i set when the i-th optional fact
 * (IPC subclasses, family, claims count, claim kinds, citations, revenue) is null. 0 = every fact known.
 */
export function unknownAvmFactsMask(facts: PatentScoringFacts): number {
  let mask = 0;
  optionalFacts.forEach((entry, bit) => {
    if (facts[entry.fact] === null) mask |= 1 << bit;
  });
  return mask;
}

/**
 * 缺失事实的批量模型 (AVM model for patents with unknown facts): the exact path scores an indicator whose data
 * is missing at the neutral default 50 (`calculatePatentScoreFromFacts`, source `default`); the batch fast path
 * reads every fact from its columns. This model moves each unknown indicator's weight × 50 into the constant
 * part and zeroes its column weight, so `calculateAvmBatch` over patents of this mask gives the exact path's
 * score to the hundredth (the columns' neutral zeros are then ignored). An unknown revenue leaves the column 0,
 * so the value is 0 (no income to relieve), as the exact path has no forecast to value.
 * Example: mask 0 returns `model` itself.
 */
export function prepareAvmModelForUnknownFacts(model: AvmModel, mask: number): AvmModel {
  if (mask === 0) return model;
  const weights = { ...model.weights };
  let constantPart = model.constantPart;
  optionalFacts.forEach((entry, bit) => {
    if ((mask & (1 << bit)) === 0) return;
    constantPart += weights[entry.indicator] * DEFAULT_INDICATOR_VALUE;
    weights[entry.indicator] = 0;
  });
  return { ...model, weights, constantPart };
}
