import { DomainError } from '../errors/domain-error.ts';
import type { Rate } from '../money/rate.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  addRatios,
  compareExact,
  divideRatios,
  multiplyRatios,
  ONE_RATIO,
  ratioOf,
  roundRatio,
  subtractRatios,
  type ExactRatio,
} from './exact-ratio.ts';

export type ValuationApproach = 'income' | 'market' | 'cost';

/** 评估方法结果 (one approach's indication): the exact value from `calculate…Value` and its weight. */
export interface ValueIndication {
  readonly approach: ValuationApproach;
  readonly exactValueFen: ExactRatio;
  /** Weight in bps (whole number ≥ 0); the weights need not sum to 10000 (they are normalised). */
  readonly weightBps: number;
}

export interface ReconcileValuationInput {
  readonly indications: readonly ValueIndication[];
  /** ± band around the value, e.g. 10 %; without it the range spans the weighted approaches' min and max. */
  readonly rangeBand?: Rate;
  /** 质押率 applied to the value to get the pledge value (e.g. 100 % or a haircut such as 80 %). */
  readonly pledgeRatio: Rate;
  /** The loan product's maximum pledge rate (最高质押率), e.g. 50 %. */
  readonly maxPledgeRate: Rate;
  readonly roundingMode?: RoundingMode;
}

export interface ReconciledValuation {
  readonly valueFen: bigint;
  readonly lowFen: bigint;
  readonly highFen: bigint;
  readonly rangeBasis: 'band' | 'approaches';
  readonly pledgeValueFen: bigint;
  readonly maxLoanFen: bigint;
  readonly roundingMode: RoundingMode;
}

/**
 * 评估结论 (reconciled value): `V = Σ wⱼ·Vⱼ / Σ wⱼ` over the approaches with positive weight; range
 * `V·(1 ± band)` or `[min Vⱼ, max Vⱼ]`; 质押价值 `P = V · pledgeRatio`; 建议最高贷款额 `L = P · maxPledgeRate`.
 * Everything is computed from the exact values and each figure is rounded once with the named mode (so L
 * is not computed from a rounded P). Source: 《资产评估执业准则——知识产权》 art. 25 (analyse the indications and
 * reach a conclusion); GB/T 42748-2023 clause 7. An automated value is a pre-assessment, not a signed report.
 * Example: income 1,000,000.00 (weight 7000) and market 900,000.00 (3000) → 970,000.00; pledge ratio 100 %,
 * max pledge rate 50 % → maximum loan 485,000.00.
 */
export function reconcileValuation(input: ReconcileValuationInput): ReconciledValuation {
  const mode = input.roundingMode ?? 'halfUp';
  const used = input.indications.filter((indication) => indication.weightBps > 0);
  if (used.length === 0) throw new DomainError('VALUATION_APPROACHES_EMPTY');

  let weighted = ratioOf(0n);
  let weightSum = 0n;
  for (const indication of used) {
    weighted = addRatios(
      weighted,
      multiplyRatios(indication.exactValueFen, ratioOf(BigInt(Math.trunc(indication.weightBps)))),
    );
    weightSum += BigInt(Math.trunc(indication.weightBps));
  }
  const value = divideRatios(weighted, ratioOf(weightSum));

  let low = used[0]!.exactValueFen;
  let high = low;
  if (input.rangeBand !== undefined) {
    low = multiplyRatios(value, subtractRatios(ONE_RATIO, input.rangeBand));
    high = multiplyRatios(value, addRatios(ONE_RATIO, input.rangeBand));
  } else {
    for (const indication of used) {
      if (compareExact(indication.exactValueFen, low) < 0) low = indication.exactValueFen;
      if (compareExact(indication.exactValueFen, high) > 0) high = indication.exactValueFen;
    }
  }
  const pledgeValue = multiplyRatios(value, input.pledgeRatio);
  return {
    valueFen: roundRatio(value, mode),
    lowFen: roundRatio(low, mode),
    highFen: roundRatio(high, mode),
    rangeBasis: input.rangeBand === undefined ? 'approaches' : 'band',
    pledgeValueFen: roundRatio(pledgeValue, mode),
    maxLoanFen: roundRatio(multiplyRatios(pledgeValue, input.maxPledgeRate), mode),
    roundingMode: mode,
  };
}
