import { describe, expect, it } from 'vitest';
import { transitionClaim, type ClaimEvent, type ClaimStatus } from './transition-claim.ts';

describe('transitionClaim', () => {
  it('moves a claim filed → under_review → approved → paid → recovered', () => {
    const path: ClaimEvent[] = ['start_review', 'approve', 'pay', 'record_recovery', 'record_recovery'];
    let state: ClaimStatus = 'filed';
    const seen: ClaimStatus[] = [];
    for (const event of path) {
      const result = transitionClaim(state, event);
      if (!result.ok) throw new Error(result.code);
      state = result.state;
      seen.push(state);
    }
    expect(seen).toEqual(['under_review', 'approved', 'paid', 'recovered', 'recovered']);
  });

  it('refuses paying an unapproved claim, approving a rejected one and recovering on an unpaid one, with a code', () => {
    expect(transitionClaim('under_review', 'pay')).toEqual({
      ok: false,
      code: 'CLAIM_TRANSITION_NOT_ALLOWED',
      params: { from: 'under_review', event: 'pay' },
    });
    expect(transitionClaim('rejected', 'approve')).toMatchObject({
      ok: false,
      code: 'CLAIM_TRANSITION_NOT_ALLOWED',
    });
    expect(transitionClaim('approved', 'record_recovery')).toMatchObject({
      ok: false,
      code: 'CLAIM_TRANSITION_NOT_ALLOWED',
    });
    expect(transitionClaim('paid', 'pay')).toMatchObject({ ok: false, code: 'CLAIM_TRANSITION_NOT_ALLOWED' });
  });

  it('lets a claim under review be rejected, which is final', () => {
    expect(transitionClaim('under_review', 'reject')).toEqual({ ok: true, state: 'rejected' });
    for (const event of ['start_review', 'approve', 'reject', 'pay', 'record_recovery'] as const) {
      expect(transitionClaim('rejected', event).ok).toBe(false);
    }
  });
});
