import { addRates, parseRatePct, rateFromBps, type Rate } from '@ipf/domain/money';
import type { tables } from '@ipf/db';

export type LoanAccountRow = typeof tables.loanAccounts.$inferSelect;
export type InstallmentRow = typeof tables.loanInstallments.$inferSelect;

/**
 * 执行利率 (the loan's annual rate): the LPR fixed at disbursement plus the case's spread, exact
 * (3.00 % + 50 bps = 3.50 %). Source: PBoC announcement [2019] No. 30 (LPR + spread pricing).
 */
export function loanAnnualRate(account: Pick<LoanAccountRow, 'lprRatePct' | 'spreadBps'>): Rate {
  return addRates(parseRatePct(account.lprRatePct), rateFromBps(BigInt(account.spreadBps)));
}
