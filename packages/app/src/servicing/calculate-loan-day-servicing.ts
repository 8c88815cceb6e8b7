import { addDays } from '@ipf/domain/calendar';
import {
  calculateAccruedInterest,
  calculateDaysPastDue,
  classifyLoan,
  type LoanGrade,
} from '@ipf/domain/loan';
import { bringChargesUpToDate, isOpenInstallment, unpaidOf } from './bring-charges-up-to-date.ts';
import { loanAnnualRate, type InstallmentRow, type LoanAccountRow } from './loan-annual-rate.ts';
import { chargePostings, type LoanPosting } from './write-loan-postings.ts';

/** What servicing a loan through a business date changes: instalments, postings, days past due, own grade. */
export interface LoanDayServicing {
  readonly installments: InstallmentRow[];
  readonly postings: LoanPosting[];
  readonly daysPastDue: number;
  readonly ownGrade: LoanGrade;
}

/**
 * 日终计提 (service a loan day by day) after its `servicedThroughDate` up to `businessDate`: each day
 * (1) 应计利息: interest accrued on the period's opening balance at annual/360, kept exact from the period start
 * and posted as the change of its once-rounded total (domain-reference.md "daily accrual: accrue unrounded; round
 * only when posting"); (2) an instalment due that day becomes `due`, one unpaid after it `overdue`; (3) 罚息 and
 * 复利 on the overdue amounts ({@link bringChargesUpToDate}). Then the days past due and the loan's own 2023
 * grade (restructured at least 关注). Pure: the same loan and date always give the same books, which is what
 * makes a rerun or a resumed run equal one clean run. Source: issue 6 item 3; 《商业银行金融资产风险分类办法》(2023).
 */
export function calculateLoanDayServicing(
  account: LoanAccountRow,
  stored: readonly InstallmentRow[],
  businessDate: string,
): LoanDayServicing {
  const annualRate = loanAnnualRate(account);
  let installments = [...stored];
  const postings: LoanPosting[] = [];
  let day = account.servicedThroughDate ?? account.disbursementDate;
  const accrued = (row: InstallmentRow, to: string) =>
    calculateAccruedInterest({
      principalFen: row.openingBalanceFen,
      annualRate,
      fromDate: row.accrualStartDate,
      toDate: to,
    }).interestFen;
  while (day < businessDate) {
    day = addDays(day, 1);
    const current = day;
    const period = installments.find(
      (i) => i.status !== 'superseded' && i.accrualStartDate < current && current <= i.accrualEndDate,
    );
    if (period !== undefined) {
      const amountFen = accrued(period, current) - accrued(period, addDays(current, -1));
      postings.push({ businessDate: current, kind: 'accrual', amountFen });
    }
    installments = installments.map((i) =>
      i.dueDate === current && i.status === 'scheduled' ? { ...i, status: 'due' } : i,
    );
    const charged = bringChargesUpToDate(account, installments, current);
    installments = charged.installments;
    postings.push(...chargePostings(charged.charges));
  }
  let daysPastDue = 0;
  for (const i of installments) {
    const unpaid = unpaidOf(i);
    if (!isOpenInstallment(i) || unpaid.principalFen + unpaid.interestFen === 0n) continue;
    daysPastDue = Math.max(daysPastDue, calculateDaysPastDue(i.dueDate, businessDate));
  }
  return {
    installments,
    postings,
    daysPastDue,
    ownGrade: classifyLoan({ daysPastDue, restructured: account.restructured }),
  };
}
