import type { Rate } from '../money/rate.ts';
import { addRatios, ratioOf } from './exact-ratio.ts';

/** 风险溢价 (one risk premium) of the build-up method, e.g. technology, market, management, financing risk. */
export interface RiskPremium {
  readonly name: string;
  readonly rate: Rate;
}

export interface BuildDiscountRateInput {
  /** 无风险报酬率, e.g. the yield of 10-year government bonds. */
  readonly riskFreeRate: Rate;
  readonly riskPremia: readonly RiskPremium[];
}

/**
 * 折现率（累加法）(discount rate by build-up): `r = r_f + Σ premiaᵢ`, exact. Source: 《资产评估执业准则——
 * 知识产权》 art. 21 (income approach: discount rate consistent with the income measure) and the common
 * build-up practice (risk-free rate + technology, market, management and funding risk premia).
 * Example: 2.50 % + 4 % + 3 % + 2.5 % = 12.00 %.
 */
export function buildDiscountRate(input: BuildDiscountRateInput): Rate {
  return input.riskPremia.reduce(
    (sum, premium) => addRatios(sum, premium.rate),
    addRatios(input.riskFreeRate, ratioOf(0n)),
  );
}
