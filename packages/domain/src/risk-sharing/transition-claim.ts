import type { TransitionResult } from './transition-result.ts';

/**
 * 理赔状态 (claim states), states.md "Claims and disposition": `filed` → `under_review` → `approved` | `rejected`
 * → `paid`; recovery shares flow back as `recovered`.
 */
export type ClaimStatus = 'filed' | 'under_review' | 'approved' | 'rejected' | 'paid' | 'recovered';

/** Events that move a claim. `record_recovery` may repeat (each recovery shared back). */
export type ClaimEvent = 'start_review' | 'approve' | 'reject' | 'pay' | 'record_recovery';

const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, Partial<Record<ClaimEvent, ClaimStatus>>>> = {
  filed: { start_review: 'under_review' },
  under_review: { approve: 'approved', reject: 'rejected' },
  approved: { pay: 'paid' },
  rejected: {},
  paid: { record_recovery: 'recovered' },
  recovered: { record_recovery: 'recovered' },
};

/**
 * 理赔状态流转 (claim transition): the next state, or the refusal CLAIM_TRANSITION_NOT_ALLOWED `{ from, event }`.
 * A rejected claim is final; only a paid claim can receive recoveries (so nothing unpaid is "recovered").
 * Source: states.md "Claims and disposition"; issue 8 item 6.
 */
export function transitionClaim(from: ClaimStatus, event: ClaimEvent): TransitionResult<ClaimStatus> {
  const next = CLAIM_TRANSITIONS[from][event];
  if (next === undefined) return { ok: false, code: 'CLAIM_TRANSITION_NOT_ALLOWED', params: { from, event } };
  return { ok: true, state: next };
}
