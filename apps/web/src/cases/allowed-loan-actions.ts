import { caseTransitions } from '@ipf/domain/ledger';

/** The servicing actions the loan panel offers: 放款, 登记还款, 展期, 续贷. */
export type LoanAction = 'disburse' | 'repay' | 'extend' | 'renew';

/** States in which a case has a loan account (放款 done): the panel reads the account only then. */
export const loanCaseStates: readonly string[] = [
  'disbursed',
  'repaying',
  'overdue',
  'non_performing',
  'compensating',
  'disposing',
  'closed',
  'written_off',
  'recovered',
];

export interface AllowedLoanActionsInput {
  readonly caseState: string;
  readonly role: string;
  /** The session's permission ids (`loan.disburse`, `loan.repay`, …). */
  readonly permissions: readonly string[];
  /** The product's rule; null while the product is not known (then only a registered case may be paid out). */
  readonly disbursementRequiresRegistration: boolean | null;
  /** The loan account's status (`active` | `closed`), null before disbursement. */
  readonly loanStatus: string | null;
}

/**
 * 可执行的贷后操作 (the servicing actions this user may take now): 放款 by a role the domain's state table lets
 * disburse from the case's state (质押已登记, or 已签约 when the product lets disbursement precede registration)
 * while there is no loan yet; 登记还款 while the loan account is active; 展期 and 续贷 while the account is active
 * and the state table lets the role take them from the case's state (还款中). Each needs the session's permission.
 * The server checks every guard again; this only decides what the page shows (issue 6 items 1–2; states.md).
 */
export function allowedLoanActions(input: AllowedLoanActionsInput): LoanAction[] {
  const actions: LoanAction[] = [];
  const disburseRow = caseTransitions.find(
    (t) =>
      t.action === 'disburse' &&
      t.from === input.caseState &&
      t.roles.includes(input.role as never) &&
      (!t.requires.includes('registration_not_required') || input.disbursementRequiresRegistration === false),
  );
  if (input.loanStatus === null && disburseRow !== undefined && input.permissions.includes('loan.disburse'))
    actions.push('disburse');
  if (input.loanStatus === 'active' && input.permissions.includes('loan.repay')) actions.push('repay');
  const mayRestructure = (action: 'extend_loan' | 'renew_loan') =>
    input.loanStatus === 'active' &&
    input.permissions.includes('loan.restructure') &&
    caseTransitions.some(
      (t) => t.action === action && t.from === input.caseState && t.roles.includes(input.role as never),
    );
  if (mayRestructure('extend_loan')) actions.push('extend');
  if (mayRestructure('renew_loan')) actions.push('renew');
  return actions;
}
