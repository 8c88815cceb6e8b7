import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  addRatios,
  divideRatios,
  formatHundredths,
  multiplyRatios,
  ratioOf,
  roundRatioToHundredths,
  subtractRatios,
  compareExact,
  type ExactRatio,
} from './exact-ratio.ts';

/** 复核结论 (review outcome) of one of the evaluator's reports. */
export type ReviewOutcome = 'confirmed' | 'adjusted' | 'rejected';

/** 价值实现 (a realised price against the evaluator's reported value): a trade or a disposal. */
export interface RealisedValue {
  readonly kind: 'trade' | 'disposal';
  /** Market value reported for a trade, liquidation or pledge value for a disposal, fen. */
  readonly reportedValueFen: bigint;
  readonly realisedPriceFen: bigint;
}

export interface EvaluatorQualityInput {
  readonly reviewOutcomes: readonly ReviewOutcome[];
  readonly realisations: readonly RealisedValue[];
  /** Weight of the review part in bps (default 6000); the deviation part has the rest. */
  readonly reviewWeightBps?: number;
  readonly roundingMode?: RoundingMode;
}

export interface EvaluatorQuality {
  readonly score: string;
  readonly scoreHundredths: bigint;
  readonly reviewScore: string;
  readonly deviationScore: string;
  /** Mean |reported − realised| / realised, percent, two decimals. */
  readonly meanDeviationPct: string;
}

/**
 * 评估机构质量评分 (evaluator quality score) 0–100:
 * review part `R = 100 × (confirmed + ½·adjusted) / n` (100 without reviews);
 * deviation part `D = max(0, 100 − 100 × mean(|Vᵢ − Pᵢ| / Pᵢ))` over realisations with a positive price
 * (100 without realisations); score `S = R·w + D·(1 − w)`, exact and rounded once.
 * Example: 3 confirmed, 1 rejected → R = 75; one trade reported 1.2 m, sold 1.0 m → D = 80; S = 0.6·75 +
 * 0.4·80 = 77.00. Source: requirements R3 (ongoing management of admitted evaluators), issue 7 item 6.
 */
export function calculateEvaluatorQuality(input: EvaluatorQualityInput): EvaluatorQuality {
  const mode = input.roundingMode ?? 'halfUp';
  const hundred = ratioOf(100n);
  const n = input.reviewOutcomes.length;
  const points = input.reviewOutcomes.reduce(
    (sum, outcome) => sum + (outcome === 'confirmed' ? 2n : outcome === 'adjusted' ? 1n : 0n),
    0n,
  );
  const review = n === 0 ? hundred : ratioOf(100n * points, 2n * BigInt(n));

  const priced = input.realisations.filter((r) => r.realisedPriceFen > 0n);
  let deviationSum: ExactRatio = ratioOf(0n);
  for (const r of priced) {
    const gap =
      r.reportedValueFen > r.realisedPriceFen
        ? r.reportedValueFen - r.realisedPriceFen
        : r.realisedPriceFen - r.reportedValueFen;
    deviationSum = addRatios(deviationSum, ratioOf(gap, r.realisedPriceFen));
  }
  const meanDeviation =
    priced.length === 0 ? ratioOf(0n) : divideRatios(deviationSum, ratioOf(BigInt(priced.length)));
  const rawDeviation = subtractRatios(hundred, multiplyRatios(hundred, meanDeviation));
  const deviation = compareExact(rawDeviation, ratioOf(0n)) < 0 ? ratioOf(0n) : rawDeviation;

  const w = ratioOf(BigInt(input.reviewWeightBps ?? 6000), 10_000n);
  const score = addRatios(
    multiplyRatios(review, w),
    multiplyRatios(deviation, subtractRatios(ratioOf(1n), w)),
  );
  const scoreHundredths = roundRatioToHundredths(score, mode);
  return {
    score: formatHundredths(scoreHundredths),
    scoreHundredths,
    reviewScore: formatHundredths(roundRatioToHundredths(review, mode)),
    deviationScore: formatHundredths(roundRatioToHundredths(deviation, mode)),
    meanDeviationPct: formatHundredths(roundRatioToHundredths(multiplyRatios(meanDeviation, hundred), mode)),
  };
}
