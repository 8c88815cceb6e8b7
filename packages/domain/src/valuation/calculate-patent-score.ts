import { DomainError } from '../errors/domain-error.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { IpAsset } from '../ip-asset/ip-asset.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  addRatios,
  formatHundredths,
  multiplyRatios,
  ratioOf,
  roundRatioToHundredths,
  type ExactRatio,
} from './exact-ratio.ts';
import {
  derivePatentScoringFacts,
  type PatentFactsSupplement,
  type PatentScoringFacts,
} from './derive-patent-scoring-facts.ts';
import { indicatorScales } from './indicator-scales.ts';
import {
  assertIndicatorWeightTable,
  findIndicatorWeightTable,
  type IndicatorWeightTable,
  type ValuationScenario,
} from './indicator-weight-table.ts';
import {
  patentIndicatorCodes,
  patentIndicators,
  type PatentIndicatorCode,
  type ValuationDimension,
} from './patent-indicators.ts';

/** 评估人员录入 (an evaluator's entry): a whole-number 0–100 rating and the evidence it rests on. */
export interface IndicatorEntry {
  readonly indicator: PatentIndicatorCode;
  readonly value: number;
  /** E.g. a search report number, an expert opinion id or a document reference; required. */
  readonly evidence: string;
}

/** Where an indicator's value came from: the asset's data, an evaluator, or the neutral default (50) when neither. */
export type IndicatorSource = 'computed' | 'entered' | 'default';

/** The neutral value of an indicator nobody computed or entered: the middle of the scale (一般). */
export const DEFAULT_INDICATOR_VALUE = 50;

export interface IndicatorContribution {
  readonly indicator: PatentIndicatorCode;
  readonly dimension: ValuationDimension;
  readonly group: string;
  readonly zh: string;
  /** Value 0–100, two decimals (display; exact internally). */
  readonly value: string;
  /** Weight within the dimension, bps. */
  readonly weightInDimensionBps: number;
  /** Weight in the overall score, percent with four decimals (dimension bps × indicator bps / 10⁶). */
  readonly overallWeightPct: string;
  /** Points contributed to the overall score: value × overall weight, two decimals (display). */
  readonly contribution: string;
  readonly source: IndicatorSource;
  readonly evidence?: string;
}

export interface DimensionScore {
  readonly dimension: ValuationDimension;
  readonly weightBps: number;
  readonly score: string;
  readonly scoreHundredths: bigint;
}

export interface PatentScore {
  readonly scenario: ValuationScenario;
  readonly weightTableVersion: string;
  readonly roundingMode: RoundingMode;
  /** Overall score 0–100 as a two-decimal string, computed exactly and rounded once. */
  readonly overallScore: string;
  readonly overallScoreHundredths: bigint;
  readonly dimensions: readonly DimensionScore[];
  /** All 27 indicators in catalogue order. */
  readonly indicators: readonly IndicatorContribution[];
}

export interface CalculatePatentScoreFromFactsInput {
  readonly facts: PatentScoringFacts;
  readonly weightTable: IndicatorWeightTable;
  readonly entries?: readonly IndicatorEntry[];
  /** Default `halfUp` (四舍五入). */
  readonly roundingMode?: RoundingMode;
}

export interface CalculatePatentScoreInput {
  readonly asset: IpAsset;
  readonly asOfDate: IsoDate;
  readonly scenario?: ValuationScenario;
  /** Overrides the table found for scenario and date. */
  readonly weightTable?: IndicatorWeightTable;
  readonly supplement?: PatentFactsSupplement;
  readonly entries?: readonly IndicatorEntry[];
  readonly roundingMode?: RoundingMode;
}

/** The computed value of an indicator from the facts, or null when the data for it is missing. */
export function computeIndicatorValue(
  code: PatentIndicatorCode,
  facts: PatentScoringFacts,
): ExactRatio | null {
  const whole = (value: number): ExactRatio => ratioOf(BigInt(value));
  switch (code) {
    case 'validity':
      return whole(indicatorScales.validity(facts.validity));
    case 'reexamInvalidationHistory':
      return whole(indicatorScales.reexamInvalidationHistory(facts.invalidation));
    case 'litigationArbitration':
      return whole(indicatorScales.litigationArbitration(facts.litigation));
    case 'transferLicenceHistory':
      return whole(indicatorScales.transferLicenceHistory(facts.licencePoints));
    case 'financingInsuranceHistory':
      return whole(indicatorScales.financingInsuranceHistory(facts.financingCount));
    // 剩余经济寿命 = 100 × remaining days / term days, exact (GB/T 42748-2023: remaining legal term bounds economic life).
    case 'remainingEconomicLife':
      return ratioOf(100n * BigInt(facts.remainingDays), BigInt(facts.termDays));
    case 'fieldCount':
      return facts.ipcSubclassCount === null
        ? null
        : whole(indicatorScales.fieldCount(facts.ipcSubclassCount));
    case 'patentFamily':
      return facts.familySize === null ? null : whole(indicatorScales.patentFamily(facts.familySize));
    case 'claimReasonableness':
      return facts.claimsCount === null
        ? null
        : whole(indicatorScales.claimReasonableness(facts.claimsCount));
    case 'claimType':
      return facts.claimKinds === null ? null : whole(indicatorScales.claimType(facts.claimKinds));
    case 'citations':
      return facts.forwardCitations === null
        ? null
        : whole(indicatorScales.citations(facts.forwardCitations));
    case 'salesRevenue':
      return facts.annualRevenueFen === null
        ? null
        : whole(indicatorScales.salesRevenue(facts.annualRevenueFen));
    default:
      return null;
  }
}

function assertEntries(entries: readonly IndicatorEntry[]): void {
  for (const entry of entries) {
    if (!(patentIndicatorCodes as readonly string[]).includes(entry.indicator))
      throw new DomainError('VALUATION_INDICATOR_UNKNOWN', { indicator: entry.indicator });
    if (!Number.isInteger(entry.value) || entry.value < 0 || entry.value > 100)
      throw new DomainError('VALUATION_INDICATOR_VALUE_OUT_OF_RANGE', {
        indicator: entry.indicator,
        value: entry.value,
      });
    if (entry.evidence.trim() === '')
      throw new DomainError('VALUATION_EVIDENCE_MISSING', { indicator: entry.indicator });
  }
}

/**
 * 指标评分 (indicator score) from scoring facts: every indicator's value (entered > computed > default 50),
 * dimension score `Sᵈ = Σ vᵢ·wᵢ / 10⁴` and overall score `S = Σ Dᵈ·Sᵈ / 10⁴ = Σ vᵢ·Dᵈ·wᵢ / 10⁸`, all exact
 * rationals, each rounded once to hundredths with the named mode. Source: GB/T 42748-2023 clause 5
 * (weighted sum of third-level indicator ratings per dimension and overall).
 * Example: all 27 indicators at 50 → every dimension 50.00 and overall 50.00.
 */
export function calculatePatentScoreFromFacts(input: CalculatePatentScoreFromFactsInput): PatentScore {
  const table = input.weightTable;
  assertIndicatorWeightTable(table);
  const entries = input.entries ?? [];
  assertEntries(entries);
  const mode = input.roundingMode ?? 'halfUp';

  const zero = ratioOf(0n);
  const dimensionSums: Record<ValuationDimension, ExactRatio> = {
    legal: zero,
    technical: zero,
    economic: zero,
  };
  let overall = zero;
  const indicators: IndicatorContribution[] = [];
  for (const definition of patentIndicators) {
    const entry = entries.find((e) => e.indicator === definition.code);
    const computed = entry === undefined ? computeIndicatorValue(definition.code, input.facts) : null;
    const value =
      entry !== undefined
        ? ratioOf(BigInt(entry.value))
        : (computed ?? ratioOf(BigInt(DEFAULT_INDICATOR_VALUE)));
    const source: IndicatorSource =
      entry !== undefined ? 'entered' : computed !== null ? 'computed' : 'default';
    const weightBps = table.indicatorWeightsBps[definition.dimension][definition.code] ?? 0;
    const dimensionBps = table.dimensionWeightsBps[definition.dimension];
    const contribution = multiplyRatios(value, ratioOf(BigInt(weightBps * dimensionBps), 100_000_000n));
    dimensionSums[definition.dimension] = addRatios(
      dimensionSums[definition.dimension],
      multiplyRatios(value, ratioOf(BigInt(weightBps), 10_000n)),
    );
    overall = addRatios(overall, contribution);
    indicators.push({
      indicator: definition.code,
      dimension: definition.dimension,
      group: definition.group,
      zh: definition.zh,
      value: formatHundredths(roundRatioToHundredths(value, mode)),
      weightInDimensionBps: weightBps,
      overallWeightPct: formatFourDecimals(BigInt(weightBps * dimensionBps)),
      contribution: formatHundredths(roundRatioToHundredths(contribution, mode)),
      source,
      ...(entry === undefined ? {} : { evidence: entry.evidence }),
    });
  }

  const dimensions = (['legal', 'technical', 'economic'] as const).map((dimension): DimensionScore => {
    const scoreHundredths = roundRatioToHundredths(dimensionSums[dimension], mode);
    return {
      dimension,
      weightBps: table.dimensionWeightsBps[dimension],
      score: formatHundredths(scoreHundredths),
      scoreHundredths,
    };
  });
  const overallScoreHundredths = roundRatioToHundredths(overall, mode);
  return {
    scenario: table.scenario,
    weightTableVersion: table.version,
    roundingMode: mode,
    overallScore: formatHundredths(overallScoreHundredths),
    overallScoreHundredths,
    dimensions,
    indicators,
  };
}

/** `bps×bps` (units of 10⁻⁸) as a percent with four decimals: 4000 × 3000 = 12·10⁶ → "12.0000". */
function formatFourDecimals(weight1e8: bigint): string {
  return `${(weight1e8 / 1_000_000n).toString()}.${((weight1e8 % 1_000_000n) / 100n).toString().padStart(4, '0')}`;
}

/**
 * 专利价值度评分 (patent value score) of an invention or utility-model patent as of `asOfDate` for a scenario
 * (financing by default): derives the scoring facts from the registry record and the supplement, takes the
 * weight table in effect, and scores (see `calculatePatentScoreFromFacts`).
 * @throws DomainError('VALUATION_KIND_NOT_SCORED') for other kinds (GB/T 42748-2023 scope, clause 1).
 */
export function calculatePatentScore(input: CalculatePatentScoreInput): PatentScore {
  if (input.asset.kind !== 'invention_patent' && input.asset.kind !== 'utility_model_patent')
    throw new DomainError('VALUATION_KIND_NOT_SCORED', { kind: input.asset.kind });
  const weightTable =
    input.weightTable ??
    findIndicatorWeightTable({
      asOfDate: input.asOfDate,
      ...(input.scenario === undefined ? {} : { scenario: input.scenario }),
    });
  return calculatePatentScoreFromFacts({
    facts: derivePatentScoringFacts(input.asset, input.asOfDate, input.supplement),
    weightTable,
    ...(input.entries === undefined ? {} : { entries: input.entries }),
    ...(input.roundingMode === undefined ? {} : { roundingMode: input.roundingMode }),
  });
}
