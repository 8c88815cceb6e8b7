import { and, eq, lte, notInArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { LoanLoss } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';

/**
 * 贷款损失 (a defaulted loan's loss) on `asOfDate`, from its loan account: the outstanding principal, and the
 * contractual interest of the instalments due on or before that day that is still unpaid (penalty and compound
 * interest are charges, not part of any scheme's loss base). The agreement's loss base then takes the principal,
 * or principal and interest (domain-reference.md "The loss base is usually outstanding principal (some schemes
 * add interest)"). A case without a loan account has no loss to claim (CLAIM_CASE_NOT_DEFAULTED).
 */
export async function findClaimLoanLoss(
  executor: Executor,
  caseRow: { readonly id: string; readonly state: string },
  asOfDate: string,
): Promise<LoanLoss> {
  const { loanAccounts, loanInstallments } = tables;
  const [account] = await executor.select().from(loanAccounts).where(eq(loanAccounts.caseId, caseRow.id));
  if (account === undefined) throw new DomainError('CLAIM_CASE_NOT_DEFAULTED', { state: caseRow.state });
  const due = await executor
    .select({ interestFen: loanInstallments.interestFen, interestPaidFen: loanInstallments.interestPaidFen })
    .from(loanInstallments)
    .where(
      and(
        eq(loanInstallments.loanAccountId, account.id),
        lte(loanInstallments.dueDate, asOfDate),
        notInArray(loanInstallments.status, ['paid', 'superseded']),
      ),
    );
  const interestFen = due.reduce((sum, i) => sum + (i.interestFen - i.interestPaidFen), 0n);
  return { principalFen: account.outstandingPrincipalFen, interestFen };
}
