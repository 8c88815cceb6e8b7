import type { RepaymentInput } from './case-loan-api.ts';
import { parseYuanInput } from './parse-yuan-input.ts';

/**
 * 还款方式 of the form: 正常还款 (what is due, oldest first), 提前还款 with 缩短期限 or 减少月供, or 提前结清.
 */
export type RepaymentMode = 'regular' | 'shortenTerm' | 'lowerInstallment' | 'settleInFull';

/**
 * 还款请求 (the repayment request body) from the form: the amount typed in 元 becomes an exact two-decimal yuan
 * string (`"85,291.67"` → `"85291.67"`, never a float); 提前结清 takes no amount. Null when the amount is not a
 * valid positive sum. Source: issue 6 item 2; contracts `RepaymentBody`.
 */
export function buildRepaymentBody(mode: RepaymentMode, amountText: string): RepaymentInput | null {
  if (mode === 'settleInFull') return { kind: 'prepayment', settleInFull: true };
  const amount = parseYuanInput(amountText);
  if (amount === null || amount.fen <= 0n) return null;
  if (mode === 'regular') return { kind: 'regular', amountYuan: amount.yuan };
  return { kind: 'prepayment', principalYuan: amount.yuan, option: mode };
}
