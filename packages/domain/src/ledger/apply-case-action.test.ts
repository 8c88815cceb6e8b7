import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import { applyCaseAction, assertCaseAction, type CaseActionInput } from './apply-case-action.ts';

const approve: CaseActionInput = {
  state: 'credit_rated',
  action: 'approve',
  actorRole: 'bank_approver',
  actorUserId: 'u-approver',
  preparedByUserIds: ['u-clerk'],
  approverAuthorityLevel: 1,
  requiredApprovalLevel: 1,
  creditCommitteeRequired: false,
  combinedModel: 'pledge_only',
};

describe('applyCaseAction guards', () => {
  it('approves a credit-rated case when another user prepared it and the level covers the amount', () => {
    expect(applyCaseAction(approve)).toMatchObject({ allowed: true, to: 'approved' });
  });

  it('refuses an approver approving its own preparation (maker-checker)', () => {
    const result = applyCaseAction({ ...approve, preparedByUserIds: ['u-clerk', 'u-approver'] });
    expect(result).toMatchObject({
      allowed: false,
      problems: [{ code: 'MAKER_CHECKER_VIOLATION', params: { userId: 'u-approver' } }],
    });
  });

  it('refuses approval when no preparer is recorded, since maker-checker cannot be verified', () => {
    expect(applyCaseAction({ ...approve, preparedByUserIds: [] })).toMatchObject({
      allowed: false,
      problems: [{ code: 'CASE_PREPARER_UNKNOWN' }],
    });
  });

  it('refuses an approver whose authority level is below the level the amount needs', () => {
    expect(applyCaseAction({ ...approve, requiredApprovalLevel: 2 })).toMatchObject({
      allowed: false,
      problems: [{ code: 'APPROVAL_AUTHORITY_INSUFFICIENT', params: { level: 1, requiredLevel: 2 } }],
    });
  });

  it('refuses approval above the committee threshold until the committee has approved', () => {
    expect(
      applyCaseAction({ ...approve, creditCommitteeRequired: true, creditCommitteeOutcome: 'no_quorum' }),
    ).toMatchObject({ allowed: false, problems: [{ code: 'CREDIT_COMMITTEE_APPROVAL_REQUIRED' }] });
    expect(
      applyCaseAction({ ...approve, creditCommitteeRequired: true, creditCommitteeOutcome: 'approved' }),
    ).toMatchObject({ allowed: true });
  });

  it('refuses approval of a pledge-plus-guarantee case before the guarantor accepted', () => {
    expect(applyCaseAction({ ...approve, combinedModel: 'plus_guarantee' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'GUARANTEE_NOT_ACCEPTED' }],
    });
  });

  it('reports every failed guard at once', () => {
    const result = applyCaseAction({
      ...approve,
      preparedByUserIds: ['u-approver'],
      requiredApprovalLevel: 3,
      combinedModel: 'plus_insurance',
    });
    expect(result.allowed ? [] : result.problems.map((p) => p.code)).toEqual([
      'MAKER_CHECKER_VIOLATION',
      'APPROVAL_AUTHORITY_INSUFFICIENT',
      'INSURANCE_NOT_ACCEPTED',
    ]);
  });

  it('requires a known reason code to decline', () => {
    const decline: CaseActionInput = {
      state: 'value_evaluated',
      action: 'decline',
      actorRole: 'bank_approver',
      actorUserId: 'u-approver',
      preparedByUserIds: ['u-clerk'],
    };
    expect(applyCaseAction(decline)).toMatchObject({
      allowed: false,
      problems: [{ code: 'DECLINE_REASON_REQUIRED' }],
    });
    expect(applyCaseAction({ ...decline, declineReasonCode: 'bad_vibes' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'DECLINE_REASON_UNKNOWN' }],
    });
    expect(applyCaseAction({ ...decline, declineReasonCode: 'pledge_rate_over_cap' })).toMatchObject({
      allowed: true,
      to: 'declined',
    });
  });

  it('refuses an action the state does not allow, e.g. approving a withdrawn case', () => {
    expect(applyCaseAction({ ...approve, state: 'withdrawn' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'CASE_ACTION_NOT_ALLOWED_IN_STATE' }],
    });
  });

  it('refuses a bureau user approving (bureaus are read-only)', () => {
    expect(applyCaseAction({ ...approve, actorRole: 'city_bureau' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'CASE_ROLE_NOT_ALLOWED' }],
    });
  });

  it('lets the enterprise sign only after the contracts exist and, in 反担保 deals, after the guarantor signed', () => {
    const sign: CaseActionInput = {
      state: 'approved',
      action: 'sign',
      actorRole: 'enterprise_user',
      actorUserId: 'u-ent',
    };
    expect(applyCaseAction(sign)).toMatchObject({
      allowed: false,
      problems: [{ code: 'CONTRACT_NOT_PREPARED' }],
    });
    expect(applyCaseAction({ ...sign, contractPrepared: true })).toMatchObject({
      allowed: true,
      to: 'contracted',
    });
    expect(applyCaseAction({ ...sign, contractPrepared: true, pledgeeKind: 'guarantor' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'COUNTER_GUARANTEE_NOT_SIGNED' }],
    });
    expect(
      applyCaseAction({
        ...sign,
        contractPrepared: true,
        pledgeeKind: 'guarantor',
        counterGuaranteeSigned: true,
      }),
    ).toMatchObject({ allowed: true });
  });

  it("has registration filed by the pledgee's side: the guarantor for a counter-guarantee pledge, else the bank", () => {
    const submit: CaseActionInput = {
      state: 'contracted',
      action: 'submit_registration',
      actorRole: 'bank_clerk',
      actorUserId: 'u-clerk',
    };
    expect(applyCaseAction(submit)).toMatchObject({ allowed: true, to: 'registration_pending' });
    expect(applyCaseAction({ ...submit, pledgeeKind: 'guarantor' })).toMatchObject({
      allowed: false,
      problems: [{ code: 'PLEDGEE_SIDE_MISMATCH' }],
    });
    expect(
      applyCaseAction({ ...submit, actorRole: 'guarantor_user', pledgeeKind: 'guarantor' }),
    ).toMatchObject({ allowed: true });
  });

  it('disburses before registration only when the product allows it', () => {
    const disburse: CaseActionInput = {
      state: 'contracted',
      action: 'disburse',
      actorRole: 'bank_clerk',
      actorUserId: 'u-clerk',
    };
    expect(applyCaseAction(disburse)).toMatchObject({
      allowed: false,
      problems: [{ code: 'DISBURSEMENT_AWAITS_REGISTRATION' }],
    });
    expect(applyCaseAction({ ...disburse, disbursementRequiresRegistration: false })).toMatchObject({
      allowed: true,
      to: 'disbursed',
    });
    expect(applyCaseAction({ ...disburse, state: 'registered' })).toMatchObject({
      allowed: true,
      to: 'disbursed',
    });
  });

  it('closes a case only when fully repaid', () => {
    const close: CaseActionInput = {
      state: 'repaying',
      action: 'close',
      actorRole: 'bank_clerk',
      actorUserId: 'u-clerk',
    };
    expect(applyCaseAction(close)).toMatchObject({
      allowed: false,
      problems: [{ code: 'CASE_NOT_FULLY_REPAID' }],
    });
    expect(applyCaseAction({ ...close, fullyRepaid: true })).toMatchObject({ allowed: true, to: 'closed' });
  });

  it('assertCaseAction throws the first code with every problem attached', () => {
    expect(assertCaseAction(approve)).toBe('approved');
    try {
      assertCaseAction({ ...approve, preparedByUserIds: ['u-approver'], requiredApprovalLevel: 9 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('MAKER_CHECKER_VIOLATION');
      expect((error as DomainError).problems).toHaveLength(2);
    }
  });
});
