import { describe, expect, it } from 'vitest';
import { allowedCaseActions, type AllowedCaseActionsInput } from './allowed-case-actions.ts';

const base: AllowedCaseActionsInput = {
  state: 'applied',
  role: 'bank_clerk',
  userId: 'u-1',
  preparedByUserIds: [],
  amountYuan: '1000000.00',
  creditCommitteeThresholdYuan: '5000000.00',
  committeeVoterUserIds: [],
};

describe('allowedCaseActions: what the case page offers, from the committed state × action × role table', () => {
  it('gives the bank clerk the next evaluation step only, one per state', () => {
    expect(allowedCaseActions(base)).toEqual(['record_risk_evaluation']);
    expect(allowedCaseActions({ ...base, state: 'risk_evaluated' })).toEqual(['record_value_evaluation']);
    expect(allowedCaseActions({ ...base, state: 'value_evaluated' })).toEqual(['record_credit_rating']);
    expect(allowedCaseActions({ ...base, state: 'credit_rated' })).toEqual([]);
  });

  it('lets an approver approve or decline a credit-rated case but only decline earlier', () => {
    const approver = { ...base, role: 'bank_approver', userId: 'a-1', preparedByUserIds: ['u-1'] };
    expect(allowedCaseActions({ ...approver, state: 'credit_rated' })).toEqual(['approve', 'decline']);
    expect(allowedCaseActions({ ...approver, state: 'applied' })).toEqual(['decline']);
  });

  it('hides approve, decline and votes from an approver who prepared the case (审贷分离)', () => {
    const preparer = {
      ...base,
      role: 'bank_approver',
      state: 'credit_rated',
      preparedByUserIds: ['u-1'],
      amountYuan: '6000000.00',
    };
    expect(allowedCaseActions(preparer)).toEqual([]);
  });

  it('offers the credit-committee vote above the threshold, once per member, never at it', () => {
    const approver = { ...base, role: 'bank_approver', userId: 'a-1', state: 'credit_rated' };
    expect(allowedCaseActions({ ...approver, amountYuan: '5000000.01' })).toEqual([
      'committee_vote',
      'approve',
      'decline',
    ]);
    expect(allowedCaseActions({ ...approver, amountYuan: '5000000.00' })).toEqual(['approve', 'decline']);
    expect(
      allowedCaseActions({ ...approver, amountYuan: '9000000.00', committeeVoterUserIds: ['a-1'] }),
    ).toEqual(['approve', 'decline']);
    expect(
      allowedCaseActions({ ...approver, amountYuan: '9000000.00', creditCommitteeThresholdYuan: null }),
    ).toEqual(['approve', 'decline']);
  });

  it('lets the enterprise withdraw until approval and never afterwards', () => {
    const ent = { ...base, role: 'enterprise_user' };
    for (const state of ['lead', 'applied', 'risk_evaluated', 'value_evaluated', 'credit_rated', 'approved'])
      expect(allowedCaseActions({ ...ent, state })).toEqual(['withdraw']);
    expect(allowedCaseActions({ ...ent, state: 'contracted' })).toEqual([]);
    expect(allowedCaseActions({ ...ent, state: 'declined' })).toEqual([]);
  });

  it('gives bureaus and regulators nothing: they read only', () => {
    for (const role of ['district_bureau', 'city_bureau', 'regulator'])
      for (const state of ['applied', 'credit_rated', 'approved'])
        expect(allowedCaseActions({ ...base, role, state })).toEqual([]);
  });
});
