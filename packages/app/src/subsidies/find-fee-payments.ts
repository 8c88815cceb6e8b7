import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { findFeePaymentViews, type FeePaymentView } from './fee-payment-views.ts';

/**
 * 费用缴付记录列表 (the fee payments of a case): for whoever may see the case — the enterprise, its bank, the
 * case's guarantor, insurer and evaluator, the district and city bureaus, regulators; NOT_FOUND otherwise.
 * Source: issue 9 items 1, 3 ("interest and fees actually paid … the record that proves it").
 */
export async function findFeePayments(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<FeePaymentView[]> {
  const scope = authorize(actor, 'fee_payment.list');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  return findFeePaymentViews(deps.db, { caseIds: [row.id] });
}
