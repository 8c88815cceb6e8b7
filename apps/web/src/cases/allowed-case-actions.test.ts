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

  it('offers 担保机构承保 / 保险机构承保 only to the named guarantor / insurer, before approval, until it accepted', () => {
    const participants = [
      { organisationId: 'g-1', role: 'guarantor', acceptedAt: null },
      { organisationId: 'i-1', role: 'insurer', acceptedAt: null },
    ];
    const guarantor = {
      ...base,
      role: 'guarantor_user',
      userId: 'g-user',
      organisationId: 'g-1',
      participants,
      state: 'value_evaluated',
    };
    expect(allowedCaseActions(guarantor)).toEqual(['accept_guarantee']);
    expect(allowedCaseActions({ ...guarantor, state: 'credit_rated' })).toEqual(['accept_guarantee']);
    // Not yet evaluated, already approved: nothing to accept.
    expect(allowedCaseActions({ ...guarantor, state: 'risk_evaluated' })).toEqual([]);
    expect(allowedCaseActions({ ...guarantor, state: 'approved' })).toEqual([]);
    // Another guarantor, or the named one after accepting.
    expect(allowedCaseActions({ ...guarantor, organisationId: 'g-2' })).toEqual([]);
    expect(
      allowedCaseActions({
        ...guarantor,
        participants: [{ organisationId: 'g-1', role: 'guarantor', acceptedAt: '2026-03-02T02:00:00Z' }],
      }),
    ).toEqual([]);

    const insurer = { ...guarantor, role: 'insurer_user', organisationId: 'i-1' };
    expect(allowedCaseActions(insurer)).toEqual(['accept_insurance']);
    expect(allowedCaseActions({ ...insurer, participants: participants.slice(0, 1) })).toEqual([]);
    // A bank clerk is never offered an acceptance, even when its organisation id matched.
    expect(allowedCaseActions({ ...guarantor, role: 'bank_clerk', state: 'credit_rated' })).toEqual([]);
  });
});
