import { caseStateCodes } from '@ipf/domain/ledger';
import { describe, expect, it } from 'vitest';
import { allowedLoanActions, loanCaseStates, type AllowedLoanActionsInput } from './allowed-loan-actions.ts';

const clerk: AllowedLoanActionsInput = {
  caseState: 'registered',
  role: 'bank_clerk',
  permissions: ['loan.read', 'loan.disburse', 'loan.repay'],
  disbursementRequiresRegistration: true,
  loanStatus: null,
};

describe('allowedLoanActions: 放款 and 登记还款 as the state table and permissions allow', () => {
  it('offers 放款 to the bank clerk of a registered case without a loan, and only then', () => {
    expect(allowedLoanActions(clerk)).toEqual(['disburse']);
    const others = caseStateCodes.filter((s) => s !== 'registered' && s !== 'contracted');
    for (const caseState of others) expect(allowedLoanActions({ ...clerk, caseState })).toEqual([]);
  });

  it('offers 放款 on a contracted case only when the product lets disbursement precede registration', () => {
    const contracted = { ...clerk, caseState: 'contracted' };
    expect(allowedLoanActions(contracted)).toEqual([]);
    expect(allowedLoanActions({ ...contracted, disbursementRequiresRegistration: null })).toEqual([]);
    expect(allowedLoanActions({ ...contracted, disbursementRequiresRegistration: false })).toEqual([
      'disburse',
    ]);
  });

  it('offers 登记还款 while the loan account is active, never 放款 a second time', () => {
    for (const caseState of ['repaying', 'overdue', 'non_performing'])
      expect(allowedLoanActions({ ...clerk, caseState, loanStatus: 'active' })).toEqual(['repay']);
    expect(allowedLoanActions({ ...clerk, caseState: 'closed', loanStatus: 'closed' })).toEqual([]);
  });

  it('offers 展期 and 续贷 to the bank clerk of a repaying case with an active loan, in no other state', () => {
    const restructurer = { ...clerk, permissions: [...clerk.permissions, 'loan.restructure'] };
    expect(allowedLoanActions({ ...restructurer, caseState: 'repaying', loanStatus: 'active' })).toEqual([
      'repay',
      'extend',
      'renew',
    ]);
    for (const caseState of ['disbursed', 'overdue', 'non_performing', 'compensating'])
      expect(allowedLoanActions({ ...restructurer, caseState, loanStatus: 'active' })).toEqual(['repay']);
    expect(allowedLoanActions({ ...restructurer, caseState: 'closed', loanStatus: 'closed' })).toEqual([]);
    expect(allowedLoanActions({ ...clerk, caseState: 'repaying', loanStatus: 'active' })).toEqual(['repay']);
  });

  it('offers nothing to roles without the permissions: approver, enterprise, bureaus', () => {
    const readOnly = { permissions: ['loan.read'] };
    for (const role of ['bank_approver', 'enterprise_user', 'district_bureau', 'city_bureau', 'regulator']) {
      expect(allowedLoanActions({ ...clerk, ...readOnly, role })).toEqual([]);
      expect(
        allowedLoanActions({ ...clerk, ...readOnly, role, caseState: 'repaying', loanStatus: 'active' }),
      ).toEqual([]);
    }
  });

  it('reads the loan in the states after 放款 only, all of them known case states', () => {
    expect(loanCaseStates.every((s) => (caseStateCodes as readonly string[]).includes(s))).toBe(true);
    expect(loanCaseStates).not.toContain('registered');
    expect(loanCaseStates).toContain('closed');
  });
});
