import {
  calculateAccruedInterest,
  calculateRenewalSchedule,
  CN_LPR_TABLE,
  findLprQuote,
  type RepaymentMethod,
} from '@ipf/domain/loan';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { loanAnnualRate } from './loan-annual-rate.ts';
import { writeContractVersion, type ContractVersionResult } from './write-contract-version.ts';

export interface RenewLoanInput {
  readonly caseId: string;
  readonly idempotencyKey: string;
  /** 续贷期限 of the new loan, in months from today. */
  readonly termMonths: number;
  /** The new loan's spread over the LPR of today; default the current spread. */
  readonly spreadBps?: number;
  /** The new loan's repayment method; default the current one. */
  readonly repaymentMethod?: RepaymentMethod;
  /** A renewal for a borrower in financial difficulty is a restructuring (重组): at least 关注. */
  readonly borrowerInDifficulty: boolean;
  readonly note?: string;
  readonly expectedVersion?: number;
}

/**
 * 续贷 (renew a loan, 无还本续贷) as a new contract version: the outstanding principal becomes a new loan from
 * today at the LPR of the loan's tenor in effect today plus the spread, scheduled by the loan engine's
 * `calculateRenewalSchedule`; the old loan's interest from its last due date to today (actual days × annual/360,
 * `calculateAccruedInterest`) is owed today as an interest-only instalment. A renewal for a borrower in
 * difficulty is a restructuring (at least 关注). Source: issue 6 item 2; states.md; domain-reference.md "Loans";
 * 《商业银行金融资产风险分类办法》(2023).
 * @throws DomainError('LOAN_TERM_INVALID' | …of writeContractVersion)
 */
export async function renewLoan(
  input: RenewLoanInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ContractVersionResult> {
  const { caseId, idempotencyKey, note, expectedVersion, ...request } = input;
  return writeContractVersion(
    { caseId, idempotencyKey, request, note, expectedVersion },
    'renewal',
    ({ account, open, today }) => {
      const lprTenor = account.lprTenor === '5Y' ? '5Y' : '1Y';
      const quote = findLprQuote(CN_LPR_TABLE, lprTenor, today);
      const spreadBps = input.spreadBps ?? account.spreadBps;
      const method = input.repaymentMethod ?? (account.repaymentMethod as RepaymentMethod);
      const schedule = calculateRenewalSchedule({
        outstandingPrincipalFen: account.outstandingPrincipalFen,
        renewalDate: today,
        annualRate: loanAnnualRate({ lprRatePct: quote.ratePct, spreadBps }),
        termMonths: input.termMonths,
        method,
      });
      const lastDueDate = open[0]!.accrualStartDate;
      const accrued = calculateAccruedInterest({
        principalFen: account.outstandingPrincipalFen,
        annualRate: loanAnnualRate(account),
        fromDate: lastDueDate,
        toDate: today,
      });
      return {
        kind: 'renewal',
        effectiveDate: today,
        schedule,
        lprTenor,
        lprRatePct: quote.ratePct,
        spreadBps,
        repaymentMethod: method,
        termMonths: input.termMonths,
        extensionMonths: null,
        restructured: input.borrowerInDifficulty,
        settlement: {
          accrualStartDate: lastDueDate,
          accrualEndDate: today,
          interestFen: accrued.interestFen,
        },
      };
    },
    actor,
    deps,
  );
}
