import { formatRatePct, type Rate } from '../money/rate.ts';
import { addRatios, multiplyRatios, ratioOf } from './exact-ratio.ts';
import { calculateRoyaltyRelief, type RoyaltyReliefInput } from './calculate-royalty-relief.ts';

export interface SensitivityTableInput {
  readonly base: RoyaltyReliefInput;
  /** Step of the discount rate, e.g. 1 % (1/100). */
  readonly discountRateStep: Rate;
  /** Step of the royalty rate, e.g. 0.5 %. */
  readonly royaltyRateStep: Rate;
  /** Steps either side of the base (2 → a 5 × 5 table). */
  readonly steps: number;
}

export interface SensitivityTable {
  /** Row headers: discount rates in percent, from −steps to +steps. */
  readonly discountRatesPct: readonly string[];
  /** Column headers: royalty rates in percent. */
  readonly royaltyRatesPct: readonly string[];
  /** `valuesFen[row][column]`: the royalty-relief value with that discount and royalty rate. */
  readonly valuesFen: readonly (readonly bigint[])[];
  /** The centre cell, equal to the base value. */
  readonly baseValueFen: bigint;
}

/**
 * 敏感性分析表 (sensitivity table): the royalty-relief value for discount rate `r + i·Δr` (rows) and royalty rate
 * `k + j·Δk` (columns), i, j = −steps…steps, each cell computed exactly and rounded once like the base value;
 * the centre cell is the base value. Source: 《资产评估执业准则——知识产权》 art. 29 (disclose key assumptions and
 * their effect on the conclusion).
 */
export function calculateSensitivityTable(input: SensitivityTableInput): SensitivityTable {
  const offsets = Array.from({ length: 2 * input.steps + 1 }, (_, index) => index - input.steps);
  const shift = (rate: Rate, step: Rate, offset: number): Rate =>
    addRatios(rate, multiplyRatios(step, ratioOf(BigInt(offset))));
  const discountRates = offsets.map((offset) =>
    shift(input.base.discountRate, input.discountRateStep, offset),
  );
  const royaltyRates = offsets.map((offset) => shift(input.base.royaltyRate, input.royaltyRateStep, offset));
  const valuesFen = discountRates.map((discountRate) =>
    royaltyRates.map(
      (royaltyRate) => calculateRoyaltyRelief({ ...input.base, discountRate, royaltyRate }).valueFen,
    ),
  );
  return {
    discountRatesPct: discountRates.map((rate) => formatRatePct(rate, 2)),
    royaltyRatesPct: royaltyRates.map((rate) => formatRatePct(rate, 2)),
    valuesFen,
    baseValueFen: valuesFen[input.steps]![input.steps]!,
  };
}
