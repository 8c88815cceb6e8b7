import { DomainError } from '../errors/domain-error.ts';
import type { SubsidyBudget } from './subsidy-scheme.ts';

/** 预算占用结果 (budget reservation): granted in full, in part, or refused; and what is left. */
export interface BudgetReservation {
  readonly outcome: 'granted' | 'partial' | 'refused';
  readonly grantedFen: bigint;
  readonly remainingAfterFen: bigint;
}

/**
 * 预算占用 (reserve budget, first come first served): `granted = amount` when the budget covers it; otherwise,
 * under `grant_partial`, `granted = remaining` (the budget closes at exactly zero), under `refuse` nothing; and
 * nothing once the budget is used up. The budget is never overdrawn: `remainingAfter = remaining − granted ≥ 0`.
 * Example: 50,000 left, 80,000 asked → partial 50,000, 0 left. Source: issue 9 item 1 "a budget (first come first
 * served, closes when used up)"; 福田 example "budget first come first served".
 * @throws DomainError SUBSIDY_AMOUNT_INVALID for a negative amount or budget.
 */
export function reserveBudget(
  remainingFen: bigint,
  amountFen: bigint,
  whenShort: SubsidyBudget['whenShort'] = 'grant_partial',
): BudgetReservation {
  if (remainingFen < 0n || amountFen < 0n) throw new DomainError('SUBSIDY_AMOUNT_INVALID');
  if (amountFen <= remainingFen)
    return { outcome: 'granted', grantedFen: amountFen, remainingAfterFen: remainingFen - amountFen };
  if (remainingFen === 0n || whenShort === 'refuse')
    return { outcome: 'refused', grantedFen: 0n, remainingAfterFen: remainingFen };
  return { outcome: 'partial', grantedFen: remainingFen, remainingAfterFen: 0n };
}
