import { DomainError } from '../errors/domain-error.ts';
import type { Rate } from '../money/rate.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  multiplyRatios,
  ONE_RATIO,
  ratioOf,
  roundRatio,
  subtractRatios,
  type ExactRatio,
} from './exact-ratio.ts';

export interface CostValueInput {
  /** 重置成本 (reproduction or replacement cost: R&D labour, materials, fees, reasonable profit), fen. */
  readonly reproductionCostFen: bigint;
  /** 实体性贬值率 (physical obsolescence, for IP usually 0), 功能性贬值率, 经济性贬值率: each 0–100 %. */
  readonly physicalObsolescence: Rate;
  readonly functionalObsolescence: Rate;
  readonly economicObsolescence: Rate;
  readonly roundingMode?: RoundingMode;
}

export interface CostValueResult {
  readonly valueFen: bigint;
  readonly exactValueFen: ExactRatio;
  readonly roundingMode: RoundingMode;
}

/**
 * 成本法 (cost approach): `V = C · (1 − p) · (1 − f) · (1 − e)`, reproduction cost less physical, functional
 * and economic obsolescence applied in turn, exact and rounded once.
 * Example: 800,000.00 × (1 − 0) × (1 − 25 %) × (1 − 10 %) = 540,000.00.
 * Source: 《资产评估执业准则——知识产权》 art. 24 (cost approach: replacement cost and obsolescence);
 * GB/T 42748-2023 clause 6.4.
 */
export function calculateCostValue(input: CostValueInput): CostValueResult {
  if (input.reproductionCostFen < 0n)
    throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'reproductionCostFen' });
  const mode = input.roundingMode ?? 'halfUp';
  const exact = [input.physicalObsolescence, input.functionalObsolescence, input.economicObsolescence].reduce(
    (value, obsolescence) => multiplyRatios(value, subtractRatios(ONE_RATIO, obsolescence)),
    ratioOf(input.reproductionCostFen),
  );
  return { valueFen: roundRatio(exact, mode), exactValueFen: exact, roundingMode: mode };
}
