import { addMonths } from '@ipf/domain/calendar';
import { calculateExtensionSchedule, validateExtensionTerm, type RepaymentMethod } from '@ipf/domain/loan';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { loanAnnualRate } from './loan-annual-rate.ts';
import { writeContractVersion, type ContractVersionResult } from './write-contract-version.ts';

export interface ExtendLoanInput {
  readonly caseId: string;
  readonly idempotencyKey: string;
  /** 展期月数: months added to the remaining term. */
  readonly extensionMonths: number;
  /** A new spread over the loan's LPR for the extended loan; default the current spread. */
  readonly spreadBps?: number;
  /** A new repayment method; default the current one. */
  readonly repaymentMethod?: RepaymentMethod;
  /** An extension for a borrower in financial difficulty is a restructuring (重组): at least 关注. */
  readonly borrowerInDifficulty: boolean;
  readonly note?: string;
  readonly expectedVersion?: number;
}

/** Whole months from `from` to `to` (due dates are start + k months, clamped to month end). */
function monthsBetween(from: string, to: string): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12;
  months += Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return addMonths(from, months) > to ? months - 1 : months;
}

/**
 * 展期 (extend a loan) as a new contract version: the bank clerk extends the remaining term by
 * `extensionMonths` (within 《贷款通则》 art. 12: in total at most the original term for a short-term loan, half of
 * it for a medium-term loan, three years for a long-term one), optionally at a new spread or method; the loan
 * engine's `calculateExtensionSchedule` re-amortises the outstanding principal from the last settled due date, and
 * an extension for a borrower in difficulty marks the loan restructured (at least 关注). Source: 《贷款通则》
 * art. 12; issue 6 item 2; domain-reference.md "Loans" (classification).
 * @throws DomainError('LOAN_EXTENSION_INVALID' | 'LOAN_EXTENSION_BEYOND_LIMIT' | …of writeContractVersion)
 */
export async function extendLoan(
  input: ExtendLoanInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ContractVersionResult> {
  const { caseId, idempotencyKey, note, expectedVersion, ...request } = input;
  return writeContractVersion(
    { caseId, idempotencyKey, request, note, expectedVersion },
    'extension',
    ({ account, open, versions }) => {
      validateExtensionTerm({
        originalTermMonths: versions[0]!.termMonths,
        extendedMonthsSoFar: versions.reduce((sum, v) => sum + (v.extensionMonths ?? 0), 0),
        extensionMonths: input.extensionMonths,
      });
      const method = input.repaymentMethod ?? (account.repaymentMethod as RepaymentMethod);
      const spreadBps = input.spreadBps ?? account.spreadBps;
      const lastDueDate = open[0]!.accrualStartDate;
      const remainingMonths = monthsBetween(lastDueDate, open.at(-1)!.accrualEndDate);
      const { schedule, restructured } = calculateExtensionSchedule({
        outstandingPrincipalFen: account.outstandingPrincipalFen,
        annualRate: loanAnnualRate({ lprRatePct: account.lprRatePct, spreadBps }),
        method,
        lastDueDate,
        remainingPeriods: remainingMonths,
        extensionMonths: input.extensionMonths,
        borrowerInDifficulty: input.borrowerInDifficulty,
      });
      return {
        kind: 'extension',
        effectiveDate: lastDueDate,
        schedule,
        lprTenor: account.lprTenor,
        lprRatePct: account.lprRatePct,
        spreadBps,
        repaymentMethod: method,
        termMonths: remainingMonths + input.extensionMonths,
        extensionMonths: input.extensionMonths,
        restructured,
      };
    },
    actor,
    deps,
  );
}
