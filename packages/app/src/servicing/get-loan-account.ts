import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findLoanAccountOfCase, loadLoanAccountView, type LoanAccountView } from './loan-account-view.ts';

/**
 * 贷款账户 (the loan account of a case) with its schedule, repayments and what is payable today, for whoever
 * may read the case (another bank's case is NOT_FOUND); NOT_FOUND before disbursement.
 */
export async function getLoanAccount(caseId: string, actor: Actor, deps: AppDeps): Promise<LoanAccountView> {
  const scope = authorize(actor, 'loan.read');
  const today = toShanghaiDate(deps.clock.now());
  const caseRow = await getVisibleCase(deps.db, caseId, actor, scope);
  const account = await findLoanAccountOfCase(deps.db, caseRow.id);
  if (account === null) throw new DomainError('NOT_FOUND');
  return loadLoanAccountView(deps.db, account, caseRow.state, today);
}
