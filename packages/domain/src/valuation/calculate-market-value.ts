import { DomainError } from '../errors/domain-error.ts';
import type { Rate } from '../money/rate.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  addRatios,
  divideRatios,
  multiplyRatios,
  ONE_RATIO,
  ratioOf,
  roundRatio,
  type ExactRatio,
} from './exact-ratio.ts';

/**
 * 修正系数 (adjustment factors) of one comparable, each a ratio subject ÷ comparable (1 = no difference,
 * 105/100 = the subject is 5 % better): 交易时间 time, 规模 size, 技术 technology, 交易条件 terms.
 */
export interface ComparableFactors {
  readonly time?: Rate;
  readonly size?: Rate;
  readonly technology?: Rate;
  readonly terms?: Rate;
}

/** 可比交易 (comparable trade or licence) from the platform's trade records (R4) or public sources. */
export interface MarketComparable {
  readonly comparableId: string;
  readonly kind: 'trade' | 'licence';
  /** Price of the comparable (for a licence: its capitalised licence fee), fen. */
  readonly priceFen: bigint;
  readonly factors: ComparableFactors;
  /** Relative weight (whole number ≥ 0), equal weights by default. */
  readonly weight?: number;
}

export interface MarketValueInput {
  readonly comparables: readonly MarketComparable[];
  readonly roundingMode?: RoundingMode;
}

export interface MarketValueResult {
  readonly valueFen: bigint;
  readonly exactValueFen: ExactRatio;
  readonly comparables: readonly {
    readonly comparableId: string;
    readonly adjustedPriceFen: bigint;
    readonly weight: number;
  }[];
  readonly roundingMode: RoundingMode;
}

/**
 * 市场法 (market approach): each comparable's price adjusted by the product of its factors,
 * `Pᵢ' = Pᵢ · f_time · f_size · f_tech · f_terms`, then the weighted mean `V = Σ wᵢ·Pᵢ' / Σ wᵢ`, exact and
 * rounded once. Example: 1,000,000.00 × 1.05 × 0.90 = 945,000.00; with 1,100,000.00 × 1 → mean 1,022,500.00.
 * Source: 《资产评估执业准则——知识产权》 art. 23 (market approach: comparables and adjustments);
 * GB/T 42748-2023 clause 6.3.
 * @throws DomainError('VALUATION_COMPARABLES_EMPTY') without a comparable of positive weight.
 */
export function calculateMarketValue(input: MarketValueInput): MarketValueResult {
  const mode = input.roundingMode ?? 'halfUp';
  let weighted = ratioOf(0n);
  let weightSum = 0;
  const comparables = input.comparables.map((comparable) => {
    if (comparable.priceFen < 0n)
      throw new DomainError('VALUATION_AMOUNT_NEGATIVE', {
        field: `comparables.${comparable.comparableId}.priceFen`,
      });
    const {
      time = ONE_RATIO,
      size = ONE_RATIO,
      technology = ONE_RATIO,
      terms = ONE_RATIO,
    } = comparable.factors;
    const adjusted = [time, size, technology, terms].reduce(
      (price, factor) => multiplyRatios(price, factor),
      ratioOf(comparable.priceFen),
    );
    const weight = Math.max(0, Math.trunc(comparable.weight ?? 1));
    weighted = addRatios(weighted, multiplyRatios(adjusted, ratioOf(BigInt(weight))));
    weightSum += weight;
    return { comparableId: comparable.comparableId, adjustedPriceFen: roundRatio(adjusted, mode), weight };
  });
  if (weightSum === 0) throw new DomainError('VALUATION_COMPARABLES_EMPTY');
  const exact = divideRatios(weighted, ratioOf(BigInt(weightSum)));
  return { valueFen: roundRatio(exact, mode), exactValueFen: exact, comparables, roundingMode: mode };
}
