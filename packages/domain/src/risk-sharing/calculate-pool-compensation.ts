import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { WHOLE_BPS } from './risk-sharing-agreement.ts';

/** 补偿比例 (compensation ratio) of a pool for one loan category, in bps of the bank's retained loss. */
export interface PoolCompensationRatio {
  readonly loanCategory: string;
  readonly ratioBps: bigint;
  /** Where the ratio comes from (document and article, or "example"). */
  readonly source: string;
}

/** Input of {@link calculatePoolCompensation}. */
export interface PoolCompensationInput {
  /** The loss the bank retains after guarantor, insurer and evaluator (the pool's base). */
  readonly bankRetainedLossFen: bigint;
  readonly loanCategory: string;
  readonly ratios: readonly PoolCompensationRatio[];
  /** What is left of the pool's budget before this payout. */
  readonly remainingBudgetFen: bigint;
}

/** 资金池补偿 (pool compensation): what the bank is entitled to, what the pool pays, what the budget keeps. */
export interface PoolCompensation {
  readonly ratioBps: bigint;
  readonly entitledFen: bigint;
  readonly payoutFen: bigint;
  /** Entitled but unpaid for want of budget: stays with the bank. */
  readonly shortfallFen: bigint;
  readonly remainingBudgetAfterFen: bigint;
}

/**
 * 风险补偿资金池补偿比例示例 (*example* ratios): the Shenzhen city pool compensates IP pledge loans 1 : 1 with the bank
 * (50% of the bank's retained loss). domain-reference.md "Risk sharing and compensation"; real ratios are configuration.
 */
export const CITY_POOL_RATIOS_EXAMPLE: readonly PoolCompensationRatio[] = [
  {
    loanCategory: 'ip_pledge_loan',
    ratioBps: 5_000n,
    source:
      'example: 深圳市中小微企业银行贷款风险补偿资金池, IP pledge loans pool : bank = 1 : 1 (domain-reference.md)',
  },
];

/**
 * 资金池补偿计算 (pool compensation within budget): `entitled = split(retained, ratio)` by largest remainder (ties to
 * the pool, as in the layered split), `payout = min(entitled, remaining budget)`, `shortfall = entitled − payout`,
 * `remaining after = remaining − payout`. The budget is never overdrawn. Example: retained 200,000.01 at 1 : 1 with
 * 80,000 left → entitled 100,000.01, payout 80,000, shortfall 20,000.01, budget 0. Source: domain-reference.md
 * "City pool … compensation up to 50%; IP pledge loans pool : bank = 1 : 1"; issue 8 item 3 "payout within budget".
 * @throws DomainError POOL_RATIO_NOT_CONFIGURED, POOL_BUDGET_INVALID, RISK_LOSS_INVALID.
 */
export function calculatePoolCompensation(input: PoolCompensationInput): PoolCompensation {
  if (input.bankRetainedLossFen < 0n) throw new DomainError('RISK_LOSS_INVALID');
  if (input.remainingBudgetFen < 0n) throw new DomainError('POOL_BUDGET_INVALID');
  const ratio = input.ratios.find((r) => r.loanCategory === input.loanCategory);
  if (ratio === undefined)
    throw new DomainError('POOL_RATIO_NOT_CONFIGURED', { loanCategory: input.loanCategory });
  if (ratio.ratioBps < 0n || ratio.ratioBps > WHOLE_BPS) {
    throw new DomainError('RISK_SHARE_BPS_OUT_OF_RANGE', {
      role: 'pool',
      shareBps: ratio.ratioBps,
      minBps: 0n,
      maxBps: WHOLE_BPS,
    });
  }

  const entitledFen =
    ratio.ratioBps === 0n
      ? 0n
      : (allocateLargestRemainder(input.bankRetainedLossFen, [
          ratio.ratioBps,
          WHOLE_BPS - ratio.ratioBps,
        ])[0] ?? 0n);
  const payoutFen = entitledFen < input.remainingBudgetFen ? entitledFen : input.remainingBudgetFen;
  return {
    ratioBps: ratio.ratioBps,
    entitledFen,
    payoutFen,
    shortfallFen: entitledFen - payoutFen,
    remainingBudgetAfterFen: input.remainingBudgetFen - payoutFen,
  };
}
