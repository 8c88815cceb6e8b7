type Translate = (key: string) => string;

/** Claim states in workflow order (states.md "Claims and disposition"). */
export const claimStates = ['filed', 'under_review', 'approved', 'rejected', 'paid', 'recovered'] as const;
/** Payer roles in the agreement's order. */
export const claimPayerRoles = ['guarantor', 're_guarantor', 'insurer', 'evaluator', 'pool'] as const;

/** 理赔状态 label (literal keys, so the i18n check sees them). */
export function claimStateLabel(state: string, t: Translate): string {
  switch (state) {
    case 'filed':
      return t('riskClaims.states.filed');
    case 'under_review':
      return t('riskClaims.states.under_review');
    case 'approved':
      return t('riskClaims.states.approved');
    case 'rejected':
      return t('riskClaims.states.rejected');
    case 'paid':
      return t('riskClaims.states.paid');
    case 'recovered':
      return t('riskClaims.states.recovered');
    default:
      return state;
  }
}

/** Tag colour of a claim state: waiting blue/gold, done green, refused red. */
export function claimStateColor(state: string): string {
  if (state === 'rejected') return 'red';
  if (state === 'paid' || state === 'recovered') return 'green';
  if (state === 'approved') return 'cyan';
  if (state === 'under_review') return 'gold';
  return 'blue';
}

/** 付款方类型: what the claim is called for each payer (代偿, 理赔, 补偿 …). */
export function claimRoleLabel(role: string, t: Translate): string {
  switch (role) {
    case 'guarantor':
      return t('riskClaims.roles.guarantor');
    case 're_guarantor':
      return t('riskClaims.roles.re_guarantor');
    case 'insurer':
      return t('riskClaims.roles.insurer');
    case 'evaluator':
      return t('riskClaims.roles.evaluator');
    case 'pool':
      return t('riskClaims.roles.pool');
    case 'bank':
      return t('riskClaims.roles.bank');
    default:
      return role;
  }
}

/**
 * Timeline steps of the claims workflow (`case_events.action`, state unchanged) for the case timeline's labels;
 * `file_claim` is a ledger action already.
 */
export const claimTimelineActions = [
  { code: 'review_risk_claim', zh: '理赔受理审查', en: 'Claim taken into review' },
  { code: 'approve_risk_claim', zh: '理赔核定', en: 'Claim approved' },
  { code: 'reject_risk_claim', zh: '拒赔', en: 'Claim rejected' },
  { code: 'pay_risk_claim', zh: '代偿/理赔/补偿支付', en: 'Claim paid' },
  { code: 'share_risk_recovery', zh: '追偿款按比例返还', en: 'Recovery shared back' },
] as const;

/** The reason code of a claim step on the case timeline (`guarantor_claim`, `recovery_shared` …) in words, or null. */
export function claimReasonLabel(code: string, t: Translate): string | null {
  if (code === 'recovery_shared') return t('riskClaims.recoveries');
  if (!code.endsWith('_claim')) return null;
  const role = code.slice(0, -'_claim'.length);
  return (claimPayerRoles as readonly string[]).includes(role) ? claimRoleLabel(role, t) : null;
}
