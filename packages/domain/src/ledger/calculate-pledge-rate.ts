import { DomainError, type ProblemDetail } from '../errors/index.ts';
import type { IpAssetKind } from '../ip-asset/index.ts';
import { compareRates, createRate, formatRatePct, formatYuan, type Rate } from '../money/index.ts';
import type { IsoDate } from '../calendar/index.ts';
import type { BankProduct } from './bank-product.ts';

/**
 * 质押率所用价值 (the value the case uses): a formal valuation report (资产评估报告, signed by certified valuers,
 * with a valuation date and validity) or the bank's internal evaluation where the product allows it
 * (domain-reference.md "Valuation": the case records which value the pledge rate uses).
 */
export interface PledgeValuation {
  readonly basis: 'formal_report' | 'internal_evaluation';
  /** Last day the report or evaluation may be relied on; checked against `asOfDate` when both are given. */
  readonly validUntil?: IsoDate;
  readonly assetValues: readonly {
    readonly assetId: string;
    readonly kind: IpAssetKind;
    readonly valueFen: bigint;
  }[];
}

/** 质押率 (pledge rate) of a case: exact `loan ÷ Σ values`, and the total value. */
export interface PledgeRate {
  readonly pledgeRate: Rate;
  readonly totalValueFen: bigint;
}

/**
 * 质押率 (pledge rate): `loanAmountFen ÷ Σ assetValues.valueFen`, exact (a reduced fraction, no rounding); a
 * portfolio uses the sum of its values. Example: 2,000,000 yuan on a patent valued 10,000,000 → 1/5 = 20 %.
 * @throws DomainError('PLEDGE_VALUE_INVALID') when there is no value or a value is not positive.
 */
export function calculatePledgeRate(loanAmountFen: bigint, valuation: PledgeValuation): PledgeRate {
  if (valuation.assetValues.length === 0 || valuation.assetValues.some((a) => a.valueFen <= 0n)) {
    throw new DomainError('PLEDGE_VALUE_INVALID', {});
  }
  const totalValueFen = valuation.assetValues.reduce((sum, a) => sum + a.valueFen, 0n);
  return { pledgeRate: createRate(loanAmountFen, totalValueFen), totalValueFen };
}

/** Input of {@link assertPledgeRateWithinCap}. */
export interface PledgeRateCheckInput {
  readonly loanAmountFen: bigint;
  readonly valuation: PledgeValuation;
  readonly product: BankProduct;
  /** 判断日 for the validity of the valuation; omitted = not checked. */
  readonly asOfDate?: IsoDate;
}

/** A passed pledge-rate check: the rate, the effective cap and the largest loan the values allow (fen, rounded down). */
export interface PledgeRateCheck extends PledgeRate {
  readonly capRate: Rate;
  readonly maxLoanFen: bigint;
}

/**
 * 质押率上限校验 (pledge rate within the cap): the loan may not exceed `Σ valueᵢ × capᵢ` where capᵢ is the
 * product's maximum pledge rate for asset i's kind (basis points); for one kind that is `loan ÷ value ≤ cap`,
 * for a mixed portfolio the value-weighted cap `Σ vᵢcᵢ ÷ Σ vᵢ`. Exact integer comparison
 * (`loan × 10000 ≤ Σ vᵢ × capBpsᵢ`): 25 % of 10,000,000.00 allows exactly 2,500,000.00, not a fen more. Also
 * refuses an internal evaluation above the product's limit and an expired valuation.
 * Source: domain-reference.md "Typical pledge rates" (caps are product data), issue 5 item 3.
 * @throws DomainError('PLEDGE_RATE_OVER_CAP', { pledgeRatePct, capPct, loanYuan, valueYuan, maxLoanYuan }),
 *   ('PLEDGE_RATE_CAP_MISSING'), ('INTERNAL_EVALUATION_NOT_ALLOWED'), ('VALUATION_EXPIRED'), ('PLEDGE_VALUE_INVALID').
 */
export function assertPledgeRateWithinCap(input: PledgeRateCheckInput): PledgeRateCheck {
  const { loanAmountFen, valuation, product } = input;
  const { pledgeRate, totalValueFen } = calculatePledgeRate(loanAmountFen, valuation);

  const missing: ProblemDetail[] = valuation.assetValues
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => product.maxPledgeRateBpsByKind[a.kind] === undefined)
    .map(({ a, index }) => ({
      code: 'PLEDGE_RATE_CAP_MISSING',
      field: `valuation.assetValues[${index}].kind`,
      params: { kind: a.kind, productId: product.productId },
    }));
  const [firstMissing] = missing;
  if (firstMissing !== undefined)
    throw new DomainError(firstMissing.code, firstMissing.params ?? {}, { problems: missing });

  if (valuation.basis === 'internal_evaluation') {
    const limit = product.allowsInternalEvaluationUpToFen;
    if (limit === null || loanAmountFen > limit) {
      throw new DomainError('INTERNAL_EVALUATION_NOT_ALLOWED', {
        loanYuan: formatYuan(loanAmountFen),
        limitYuan: limit === null ? '-' : formatYuan(limit),
      });
    }
  }
  if (
    input.asOfDate !== undefined &&
    valuation.validUntil !== undefined &&
    valuation.validUntil < input.asOfDate
  ) {
    throw new DomainError('VALUATION_EXPIRED', {
      validUntil: valuation.validUntil,
      asOfDate: input.asOfDate,
    });
  }

  const weightedCapBpsFen = valuation.assetValues.reduce(
    (sum, a) => sum + a.valueFen * BigInt(product.maxPledgeRateBpsByKind[a.kind] ?? 0),
    0n,
  );
  const capRate = createRate(weightedCapBpsFen, totalValueFen * 10_000n);
  const maxLoanFen = weightedCapBpsFen / 10_000n;
  if (compareRates(pledgeRate, capRate) > 0) {
    throw new DomainError('PLEDGE_RATE_OVER_CAP', {
      pledgeRatePct: formatRatePct(pledgeRate, 2, 'up'),
      capPct: formatRatePct(capRate, 2, 'down'),
      loanYuan: formatYuan(loanAmountFen),
      valueYuan: formatYuan(totalValueFen),
      maxLoanYuan: formatYuan(maxLoanFen),
    });
  }
  return { pledgeRate, totalValueFen, capRate, maxLoanFen };
}
