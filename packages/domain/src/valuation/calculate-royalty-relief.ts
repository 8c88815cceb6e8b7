import { DomainError } from '../errors/domain-error.ts';
import { compareRates, formatRatePct, type Rate } from '../money/rate.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import {
  addRatios,
  divideRatios,
  multiplyRatios,
  ONE_RATIO,
  powerRatio,
  ratioOf,
  roundRatio,
  subtractRatios,
  type ExactRatio,
} from './exact-ratio.ts';

/**
 * 折现时点 (discounting convention): `endOfYear` discounts year t's income by `(1+r)^t`; `midYear` assumes
 * income arrives mid-year and discounts by `(1+r)^(t−1) · (1 + r/2)`: the rational half-year factor, because
 * the textbook `(1+r)^(t−½)` is irrational and could not be kept exact (the difference is below 0.2 % of a
 * year's value at r = 12 %).
 */
export type DiscountTiming = 'endOfYear' | 'midYear';

export interface RoyaltyReliefInput {
  /** 收入预测 per forecast year, fen; its length is the remaining economic life in years. */
  readonly revenueForecastFen: readonly bigint[];
  /** 提成率 (royalty rate), e.g. 5 % = 1/20. */
  readonly royaltyRate: Rate;
  /** 分成/归属比例 (share of the royalty attributable to the patent), 0–100 %. */
  readonly attributionShare: Rate;
  /** 所得税率, 0 ≤ t < 100 %. */
  readonly taxRate: Rate;
  /** 折现率 (> 0), e.g. from `buildDiscountRate`. */
  readonly discountRate: Rate;
  readonly timing?: DiscountTiming;
  /** Default `halfUp`. */
  readonly roundingMode?: RoundingMode;
}

export interface RoyaltyReliefYear {
  readonly year: number;
  readonly revenueFen: bigint;
  /** Royalty saved after tax for the year, rounded for display. */
  readonly afterTaxRoyaltyFen: bigint;
  /** Present value of the year, rounded for display; the total is not the sum of these. */
  readonly presentValueFen: bigint;
}

export interface RoyaltyReliefResult {
  /** Σ of the exact present values, rounded once with `roundingMode`. */
  readonly valueFen: bigint;
  /** The unrounded value, for reconciliation. */
  readonly exactValueFen: ExactRatio;
  readonly years: readonly RoyaltyReliefYear[];
  readonly timing: DiscountTiming;
  readonly roundingMode: RoundingMode;
}

const HUNDRED_PCT = ONE_RATIO;

function assertRate(
  field: string,
  rate: Rate,
  minInclusive: boolean,
  max: Rate,
  maxInclusive: boolean,
): void {
  const low = compareRates(rate, ratioOf(0n));
  const high = compareRates(rate, max);
  if (low < 0 || (!minInclusive && low === 0) || high > 0 || (!maxInclusive && high === 0)) {
    throw new DomainError('VALUATION_RATE_OUT_OF_RANGE', {
      field,
      min: 0,
      max: formatRatePct(max, 0),
      value: formatRatePct(rate, 4),
    });
  }
}

/** Validates a royalty-relief input (the edge also validates; the core checks what would make nonsense). */
export function assertRoyaltyReliefInput(input: RoyaltyReliefInput): void {
  if (input.revenueForecastFen.length === 0) throw new DomainError('VALUATION_FORECAST_EMPTY');
  if (input.revenueForecastFen.some((revenue) => revenue < 0n))
    throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'revenueForecastFen' });
  assertRate('royaltyRate', input.royaltyRate, true, HUNDRED_PCT, true);
  assertRate('attributionShare', input.attributionShare, true, HUNDRED_PCT, true);
  assertRate('taxRate', input.taxRate, true, HUNDRED_PCT, false);
  if (compareRates(input.discountRate, ratioOf(0n)) <= 0)
    throw new DomainError('VALUATION_DISCOUNT_RATE_INVALID', { value: formatRatePct(input.discountRate, 4) });
}

/**
 * 收益法·节省许可费法 (income approach, relief from royalty): the value is what the owner saves by not paying
 * a royalty, after tax, discounted to the valuation date:
 * `V = Σₜ Rₜ · k · a · (1 − T) / (1 + r)ᵗ` over the remaining economic life (t = 1…n, end-of-year; mid-year
 * see `DiscountTiming`), R revenue, k royalty rate, a attribution share, T tax rate, r discount rate.
 * Exact rationals throughout; rounded once at the end with the named mode.
 * Worked example (the CLI's): year 1 = 1,000,000 × 5 % × 100 % × 75 % / 1.12 = 33,482.142857…;
 * revenues 1.0 m, 1.2 m, 1.4 m at 12 % → 106,724.15 yuan.
 * Source: 《资产评估执业准则——知识产权》 (中评协〔2023〕14号) art. 21–22 (income approach: income, period,
 * discount rate); GB/T 42748-2023 clause 6.2 (income approach for patents).
 */
export function calculateRoyaltyRelief(input: RoyaltyReliefInput): RoyaltyReliefResult {
  assertRoyaltyReliefInput(input);
  const mode = input.roundingMode ?? 'halfUp';
  const timing = input.timing ?? 'endOfYear';
  const margin = multiplyRatios(
    multiplyRatios(input.royaltyRate, input.attributionShare),
    subtractRatios(ONE_RATIO, input.taxRate),
  );
  const growth = addRatios(ONE_RATIO, input.discountRate);
  const halfYear = addRatios(ONE_RATIO, divideRatios(input.discountRate, ratioOf(2n)));

  let total = ratioOf(0n);
  const years: RoyaltyReliefYear[] = [];
  input.revenueForecastFen.forEach((revenueFen, index) => {
    const year = index + 1;
    const afterTax = multiplyRatios(ratioOf(revenueFen), margin);
    const factor =
      timing === 'endOfYear'
        ? powerRatio(growth, year)
        : multiplyRatios(powerRatio(growth, year - 1), halfYear);
    const presentValue = divideRatios(afterTax, factor);
    total = addRatios(total, presentValue);
    years.push({
      year,
      revenueFen,
      afterTaxRoyaltyFen: roundRatio(afterTax, mode),
      presentValueFen: roundRatio(presentValue, mode),
    });
  });

  return { valueFen: roundRatio(total, mode), exactValueFen: total, years, timing, roundingMode: mode };
}
