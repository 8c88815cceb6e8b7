type Translate = (key: string) => string;

/** 奖励申请状态 label (literal keys, so the i18n check sees them). */
export function rewardStateLabel(code: string, t: Translate): string {
  switch (code) {
    case 'submitted':
      return t('subsidyRewards.state.submitted');
    case 'reviewed':
      return t('subsidyRewards.state.reviewed');
    case 'approved':
      return t('subsidyRewards.state.approved');
    case 'paid':
      return t('subsidyRewards.state.paid');
    case 'rejected':
      return t('subsidyRewards.state.rejected');
    case 'clawed_back':
      return t('subsidyRewards.state.clawed_back');
    default:
      return code;
  }
}

/** 申领条件 label: the claim's own conditions beside the scheme's. */
export function claimConditionLabel(code: string, t: Translate): string {
  switch (code) {
    case 'disbursed_in_period':
      return t('subsidyRewards.claimCondition.disbursed_in_period');
    case 'not_rewarded_before':
      return t('subsidyRewards.claimCondition.not_rewarded_before');
    default:
      return code;
  }
}

/** 奖励对象 label. */
export function beneficiaryLabel(code: string, t: Translate): string {
  switch (code) {
    case 'bank':
      return t('subsidyRewards.beneficiary.bank');
    case 'guarantor':
      return t('subsidyRewards.beneficiary.guarantor');
    case 'insurer':
      return t('subsidyRewards.beneficiary.insurer');
    case 'evaluator':
      return t('subsidyRewards.beneficiary.evaluator');
    default:
      return code;
  }
}

/** The reason of an unmet claim condition. */
export function claimReasonLabel(code: string, t: Translate): string {
  switch (code) {
    case 'SUBSIDY_CONDITION_NOT_IN_PERIOD':
      return t('subsidyRewards.reason.notInPeriod');
    case 'SUBSIDY_CONDITION_ALREADY_REWARDED':
      return t('subsidyRewards.reason.alreadyRewarded');
    default:
      return code;
  }
}
