type Translate = (key: string) => string;

/** 入库状态 label (literal keys, so the i18n check sees them). */
export function evaluatorStateLabel(state: string, t: Translate): string {
  if (state === 'applied') return t('evaluators.states.applied');
  if (state === 'admitted') return t('evaluators.states.admitted');
  if (state === 'rejected') return t('evaluators.states.rejected');
  if (state === 'suspended') return t('evaluators.states.suspended');
  if (state === 'removed') return t('evaluators.states.removed');
  return state;
}

export const evaluatorStateColor: Record<string, string> = {
  applied: 'blue',
  admitted: 'green',
  rejected: 'default',
  suspended: 'orange',
  removed: 'red',
};

/** What the bureau may do to an admission in a state. */
export function evaluatorActionsFor(
  state: string,
): ('admit' | 'reject' | 'suspend' | 'remove' | 'reinstate')[] {
  if (state === 'applied') return ['admit', 'reject'];
  if (state === 'admitted') return ['suspend', 'remove'];
  if (state === 'suspended') return ['reinstate', 'remove'];
  return [];
}

export function evaluatorActionLabel(action: string, t: Translate): string {
  if (action === 'admit') return t('evaluators.actions.admit');
  if (action === 'reject') return t('evaluators.actions.reject');
  if (action === 'suspend') return t('evaluators.actions.suspend');
  if (action === 'remove') return t('evaluators.actions.remove');
  if (action === 'reinstate') return t('evaluators.actions.reinstate');
  return action;
}

/** 复核状态 and 结论 labels. */
export function reviewStateLabel(state: string, t: Translate): string {
  if (state === 'committed') return t('expertReviews.states.committed');
  if (state === 'drawn') return t('expertReviews.states.drawn');
  if (state === 'concluded') return t('expertReviews.states.concluded');
  return state;
}

export function reviewOutcomeLabel(outcome: string | null, t: Translate): string {
  if (outcome === 'confirmed') return t('expertReviews.outcomes.confirmed');
  if (outcome === 'adjusted') return t('expertReviews.outcomes.adjusted');
  if (outcome === 'rejected') return t('expertReviews.outcomes.rejected');
  return outcome ?? '—';
}

export const reviewOutcomeColor: Record<string, string> = {
  confirmed: 'green',
  adjusted: 'gold',
  rejected: 'red',
};

/** 回避原因 label. */
export function conflictReasonLabel(reason: string, t: Translate): string {
  if (reason === 'same_org_as_evaluator') return t('expertReviews.conflicts.sameOrgAsEvaluator');
  if (reason === 'same_org_as_bank') return t('expertReviews.conflicts.sameOrgAsBank');
  if (reason === 'same_org_as_enterprise') return t('expertReviews.conflicts.sameOrgAsEnterprise');
  if (reason === 'already_engaged') return t('expertReviews.conflicts.alreadyEngaged');
  if (reason === 'prior_engagement') return t('expertReviews.conflicts.priorEngagement');
  if (reason === 'expertise_mismatch') return t('expertReviews.conflicts.expertiseMismatch');
  return reason;
}
