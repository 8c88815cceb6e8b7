import { DomainError } from '../errors/domain-error.ts';
import { allocateFlatSplit, type FlatShare, type PartyAmount } from './allocate-flat-split.ts';

/** A cost of disposal (auction commission, valuation, legal, registration), paid before any distribution. */
export interface DispositionCost {
  readonly kind: string;
  readonly amountFen: bigint;
}

/** Input of {@link allocateDispositionProceeds}. */
export interface DispositionProceedsInput {
  readonly proceedsFen: bigint;
  /** Costs in the order they are paid. */
  readonly costs: readonly DispositionCost[];
  /** 分配比例 fixed before disposal among guarantor, bank, pool, evaluator (weights, e.g. bps). */
  readonly distribution: readonly FlatShare[];
}

/** A cost and how much of it the proceeds covered. */
export interface DispositionCostPaid {
  readonly kind: string;
  readonly paidFen: bigint;
  readonly unpaidFen: bigint;
}

/** The waterfall's result; `Σ costs paid + net = proceeds` and `Σ distribution = net`, to the fen. */
export interface DispositionProceedsAllocation {
  readonly costs: readonly DispositionCostPaid[];
  readonly netProceedsFen: bigint;
  readonly distribution: readonly PartyAmount[];
}

/**
 * 处置款分配瀑布 (disposition proceeds waterfall): costs first, in the order listed, each `min(cost, what is left)`;
 * then the net proceeds split by the distribution ratios fixed before disposal, by largest remainder (ties to the
 * first listed). Example: proceeds 200,000.00, costs 10,000.00 + 5,000.00, ratios guarantor 40 : bank 40 : pool 20
 * → net 185,000.00 → 74,000.00, 74,000.00, 37,000.00. Source: issue 8 item 5 "the distribution ratios among
 * guarantor, bank, pool and evaluator are those fixed before disposal; costs first, then proceeds allocated".
 * @throws DomainError DISPOSITION_AMOUNT_INVALID for a negative amount; RISK_SHARES_EMPTY and the like for bad ratios.
 */
export function allocateDispositionProceeds(input: DispositionProceedsInput): DispositionProceedsAllocation {
  if (input.proceedsFen < 0n || input.costs.some((cost) => cost.amountFen < 0n))
    throw new DomainError('DISPOSITION_AMOUNT_INVALID');

  let leftFen = input.proceedsFen;
  const costs = input.costs.map((cost) => {
    const paidFen = cost.amountFen < leftFen ? cost.amountFen : leftFen;
    leftFen -= paidFen;
    return { kind: cost.kind, paidFen, unpaidFen: cost.amountFen - paidFen };
  });
  return { costs, netProceedsFen: leftFen, distribution: allocateFlatSplit(leftFen, input.distribution) };
}
