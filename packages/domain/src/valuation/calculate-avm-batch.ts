import type { Rate } from '../money/rate.ts';
import {
  addRatios,
  divideRatios,
  multiplyRatios,
  ONE_RATIO,
  powerRatio,
  ratioOf,
  subtractRatios,
} from './exact-ratio.ts';
import type { PatentScoringFacts } from './derive-patent-scoring-facts.ts';
import {
  indicatorScales,
  type ClaimKinds,
  type InvalidationState,
  type LitigationState,
  type ValidityState,
} from './indicator-scales.ts';
import { DEFAULT_INDICATOR_VALUE, computeIndicatorValue } from './calculate-patent-score.ts';
import {
  assertIndicatorWeightTable,
  findIndicatorWeightTable,
  overallWeightOf,
  type IndicatorWeightTable,
} from './indicator-weight-table.ts';
import { patentIndicators, type PatentIndicatorCode } from './patent-indicators.ts';

/**
 * 批量评估列存 (AVM columns): the scoring facts of many patents in typed arrays, one slot per patent, so a
 * batch of a million allocates a dozen arrays instead of a million objects. Every fact must be known (the
 * batch has no evaluator entries: evaluator-only indicators take the default 50).
 */
export interface AvmColumns {
  readonly count: number;
  readonly validity: Uint8Array;
  readonly invalidation: Uint8Array;
  readonly litigation: Uint8Array;
  readonly claimKinds: Uint8Array;
  readonly remainingDays: Int32Array;
  readonly termDays: Int32Array;
  readonly licencePoints: Int16Array;
  readonly financingCount: Uint8Array;
  readonly ipcSubclassCount: Uint8Array;
  readonly familySize: Uint16Array;
  readonly claimsCount: Uint16Array;
  readonly forwardCitations: Uint16Array;
  /** Annual revenue per patent, whole fen (exact in a float64 below 2⁵³). */
  readonly annualRevenueFen: Float64Array;
}

/** Allocates columns for `count` patents. */
export function createAvmColumns(count: number): AvmColumns {
  return {
    count,
    validity: new Uint8Array(count),
    invalidation: new Uint8Array(count),
    litigation: new Uint8Array(count),
    claimKinds: new Uint8Array(count),
    remainingDays: new Int32Array(count),
    termDays: new Int32Array(count),
    licencePoints: new Int16Array(count),
    financingCount: new Uint8Array(count),
    ipcSubclassCount: new Uint8Array(count),
    familySize: new Uint16Array(count),
    claimsCount: new Uint16Array(count),
    forwardCitations: new Uint16Array(count),
    annualRevenueFen: new Float64Array(count),
  };
}

/** Writes one patent's facts into slot `index` (unknown optional facts are stored as their neutral zero). */
export function setAvmFacts(columns: AvmColumns, index: number, facts: PatentScoringFacts): void {
  columns.validity[index] = facts.validity;
  columns.invalidation[index] = facts.invalidation;
  columns.litigation[index] = facts.litigation;
  columns.claimKinds[index] = facts.claimKinds ?? 0;
  columns.remainingDays[index] = facts.remainingDays;
  columns.termDays[index] = facts.termDays;
  columns.licencePoints[index] = facts.licencePoints;
  columns.financingCount[index] = facts.financingCount;
  columns.ipcSubclassCount[index] = facts.ipcSubclassCount ?? 1;
  columns.familySize[index] = facts.familySize ?? 1;
  columns.claimsCount[index] = facts.claimsCount ?? 0;
  columns.forwardCitations[index] = facts.forwardCitations ?? 0;
  columns.annualRevenueFen[index] = facts.annualRevenueFen ?? 0;
}

/** Reads slot `index` back as scoring facts (every fact known), for checks against the exact path. */
export function getAvmFacts(columns: AvmColumns, index: number): PatentScoringFacts {
  return {
    validity: columns.validity[index]! as ValidityState,
    invalidation: columns.invalidation[index]! as InvalidationState,
    litigation: columns.litigation[index]! as LitigationState,
    claimKinds: columns.claimKinds[index]! as ClaimKinds,
    remainingDays: columns.remainingDays[index]!,
    termDays: columns.termDays[index]!,
    licencePoints: columns.licencePoints[index]!,
    financingCount: columns.financingCount[index]!,
    ipcSubclassCount: columns.ipcSubclassCount[index]!,
    familySize: columns.familySize[index]!,
    claimsCount: columns.claimsCount[index]!,
    forwardCitations: columns.forwardCitations[index]!,
    annualRevenueFen: columns.annualRevenueFen[index]!,
  };
}

/** 分档参数 (a score band of the AVM): patents scoring at least `minScoreHundredths` get these rates. */
export interface AvmBand {
  readonly minScoreHundredths: number;
  readonly royaltyRate: Rate;
  readonly discountRate: Rate;
}

/** 自动估值参数 (AVM parameters): versioned data; bands sorted by `minScoreHundredths` descending, last 0. */
export interface AvmParameters {
  readonly version: string;
  readonly weightTable: IndicatorWeightTable;
  readonly bands: readonly AvmBand[];
  readonly attributionShare: Rate;
  readonly taxRate: Rate;
  /** 经济寿命上限: economic life is the remaining legal term in whole years, capped here. */
  readonly maxLifeYears: number;
}

/**
 * AVM 2024.1 (platform calibration): financing weights; score ≥ 80 → royalty 5 %, discount 12 %; ≥ 60 →
 * 4 %, 14 %; below → 3 %, 16 % (risk-free 2.5 % plus rising premia); attribution 30 %, tax 25 %, life ≤ 10 years.
 */
export const AVM_PARAMETERS_2024: AvmParameters = {
  version: 'avm-2024.1',
  weightTable: findIndicatorWeightTable({ scenario: 'financing', asOfDate: '2024-01-01' }),
  bands: [
    { minScoreHundredths: 8000, royaltyRate: ratioOf(5n, 100n), discountRate: ratioOf(12n, 100n) },
    { minScoreHundredths: 6000, royaltyRate: ratioOf(4n, 100n), discountRate: ratioOf(14n, 100n) },
    { minScoreHundredths: 0, royaltyRate: ratioOf(3n, 100n), discountRate: ratioOf(16n, 100n) },
  ],
  attributionShare: ratioOf(30n, 100n),
  taxRate: ratioOf(25n, 100n),
  maxLifeYears: 10,
};

/** Precomputed integers of an AVM run: overall weights in 10⁻⁸ units and per band and life the value factor. */
export interface AvmModel {
  readonly parameters: AvmParameters;
  readonly constantPart: number;
  readonly weights: Readonly<Record<PatentIndicatorCode, number>>;
  /** `factorNumerators[band][n] / factorDenominators[band][n]` = k·a·(1−T)·Σₜ₌₁ⁿ (1+r)⁻ᵗ. */
  readonly twiceFactorNumerators: readonly (readonly bigint[])[];
  readonly factorDenominators: readonly (readonly bigint[])[];
  readonly twiceFactorDenominators: readonly (readonly bigint[])[];
}

/** Prepares the model once per batch (weights and value factors as exact integers). */
export function prepareAvmModel(parameters: AvmParameters = AVM_PARAMETERS_2024): AvmModel {
  assertIndicatorWeightTable(parameters.weightTable);
  const weights = {} as Record<PatentIndicatorCode, number>;
  let constantPart = 0;
  const probe: PatentScoringFacts = {
    validity: 1,
    invalidation: 0,
    litigation: 0,
    remainingDays: 0,
    termDays: 1,
    licencePoints: 0,
    financingCount: 0,
    ipcSubclassCount: 1,
    familySize: 1,
    claimsCount: 0,
    claimKinds: 0,
    forwardCitations: 0,
    annualRevenueFen: 0,
  };
  for (const definition of patentIndicators) {
    const weight = overallWeightOf(parameters.weightTable, definition.dimension, definition.code);
    weights[definition.code] = weight;
    if (computeIndicatorValue(definition.code, probe) === null)
      constantPart += weight * DEFAULT_INDICATOR_VALUE;
  }
  const twiceNumerators: bigint[][] = [];
  const denominators: bigint[][] = [];
  const twiceDenominators: bigint[][] = [];
  for (const band of parameters.bands) {
    const margin = multiplyRatios(
      multiplyRatios(band.royaltyRate, parameters.attributionShare),
      subtractRatios(ONE_RATIO, parameters.taxRate),
    );
    const growth = addRatios(ONE_RATIO, band.discountRate);
    let annuity = ratioOf(0n);
    const nums: bigint[] = [];
    const dens: bigint[] = [];
    const twiceDens: bigint[] = [];
    for (let years = 0; years <= parameters.maxLifeYears; years += 1) {
      if (years > 0) annuity = addRatios(annuity, divideRatios(ONE_RATIO, powerRatio(growth, years)));
      const factor = multiplyRatios(margin, annuity);
      nums.push(2n * factor.numerator);
      dens.push(factor.denominator);
      twiceDens.push(2n * factor.denominator);
    }
    twiceNumerators.push(nums);
    denominators.push(dens);
    twiceDenominators.push(twiceDens);
  }
  return {
    parameters,
    constantPart,
    weights,
    twiceFactorNumerators: twiceNumerators,
    factorDenominators: denominators,
    twiceFactorDenominators: twiceDenominators,
  };
}

/** Output buffers of a batch: scores in hundredths and values in fen, one slot per patent. */
export interface AvmOutput {
  readonly scoreHundredths: Int32Array;
  readonly valueFen: bigint[];
}

/** Allocates output buffers for `count` patents. */
export function createAvmOutput(count: number): AvmOutput {
  return { scoreHundredths: new Int32Array(count), valueFen: new Array<bigint>(count).fill(0n) };
}

/**
 * 批量评分估值 (batch AVM): scores and values slots `from…to−1` of the columns into `output`, with the same
 * results as the exact path (`calculatePatentScoreFromFacts` with no entries, then `calculateRoyaltyRelief`
 * with a flat forecast over `min(maxLifeYears, ⌊remainingDays/365⌋)` years at the band's rates), both rounded
 * half-up once. Fast path: the score numerator `Σ Wᵢ·vᵢ·termDays + W_life·100·remainingDays` stays below 2⁵³
 * so it is exact in float64 integers and rounded by one integer division; the value is one bigint
 * multiply-divide by the precomputed exact factor. An automated value is a pre-assessment, not a signed report.
 */
export function calculateAvmBatch(
  columns: AvmColumns,
  model: AvmModel,
  output: AvmOutput,
  from = 0,
  to = columns.count,
): void {
  const w = model.weights;
  const bands = model.parameters.bands;
  const maxLife = model.parameters.maxLifeYears;
  const s = indicatorScales;
  for (let i = from; i < to; i += 1) {
    const termDays = columns.termDays[i]!;
    const remainingDays = columns.remainingDays[i]!;
    const integerPart =
      model.constantPart +
      w.validity * s.validity(columns.validity[i]! as ValidityState) +
      w.reexamInvalidationHistory *
        s.reexamInvalidationHistory(columns.invalidation[i]! as InvalidationState) +
      w.litigationArbitration * s.litigationArbitration(columns.litigation[i]! as LitigationState) +
      w.transferLicenceHistory * s.transferLicenceHistory(columns.licencePoints[i]!) +
      w.financingInsuranceHistory * s.financingInsuranceHistory(columns.financingCount[i]!) +
      w.fieldCount * s.fieldCount(columns.ipcSubclassCount[i]!) +
      w.patentFamily * s.patentFamily(columns.familySize[i]!) +
      w.claimReasonableness * s.claimReasonableness(columns.claimsCount[i]!) +
      w.claimType * s.claimType(columns.claimKinds[i]! as ClaimKinds) +
      w.citations * s.citations(columns.forwardCitations[i]!) +
      w.salesRevenue * s.salesRevenue(columns.annualRevenueFen[i]!);
    // score × 100 = N / (10⁶ · termDays), N = integerPart·termDays + W_life·100·remainingDays; half-up.
    const numerator = integerPart * termDays + w.remainingEconomicLife * 100 * remainingDays;
    const divisor = 1_000_000 * termDays;
    let quotient = Math.floor(numerator / divisor);
    let remainder = numerator - quotient * divisor;
    if (remainder < 0) {
      quotient -= 1;
      remainder += divisor;
    } else if (remainder >= divisor) {
      quotient += 1;
      remainder -= divisor;
    }
    if (2 * remainder >= divisor) quotient += 1;
    output.scoreHundredths[i] = quotient;

    let band = bands.length - 1;
    for (let b = 0; b < bands.length; b += 1)
      if (quotient >= bands[b]!.minScoreHundredths) {
        band = b;
        break;
      }
    const years = Math.min(maxLife, Math.floor(remainingDays / 365));
    const revenue = columns.annualRevenueFen[i]!;
    output.valueFen[i] =
      years === 0 || revenue === 0
        ? 0n
        : (BigInt(revenue) * model.twiceFactorNumerators[band]![years]! +
            model.factorDenominators[band]![years]!) /
          model.twiceFactorDenominators[band]![years]!;
  }
}
