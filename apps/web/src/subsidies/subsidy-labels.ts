type Translate = (key: string) => string;

/** 条件 label (literal keys, so the i18n check sees them). */
export function conditionLabel(code: string, t: Translate): string {
  switch (code) {
    case 'scheme_in_effect':
      return t('subsidies.condition.scheme_in_effect');
    case 'district':
      return t('subsidies.condition.district');
    case 'enterprise_flag':
      return t('subsidies.condition.enterprise_flag');
    case 'pledged_ip_kinds':
      return t('subsidies.condition.pledged_ip_kinds');
    case 'max_loan_term':
      return t('subsidies.condition.max_loan_term');
    case 'pledge_registered':
      return t('subsidies.condition.pledge_registered');
    case 'filed_with_district':
      return t('subsidies.condition.filed_with_district');
    case 'fully_repaid':
      return t('subsidies.condition.fully_repaid');
    case 'max_subsidy_years':
      return t('subsidies.condition.max_subsidy_years');
    case 'trigger':
      return t('subsidies.condition.trigger');
    case 'stacking':
      return t('subsidies.condition.stacking');
    default:
      return code;
  }
}

/** 证明记录类型 label (literal keys, so the i18n check sees them). */
export function proofLabel(code: string, t: Translate): string {
  switch (code) {
    case 'contract':
      return t('subsidies.proof.contract');
    case 'registration_notice':
      return t('subsidies.proof.registration_notice');
    case 'ledger_entry':
      return t('subsidies.proof.ledger_entry');
    case 'payoff_certificate':
      return t('subsidies.proof.payoff_certificate');
    case 'enterprise_profile':
      return t('subsidies.proof.enterprise_profile');
    case 'filing':
      return t('subsidies.proof.filing');
    case 'upload':
      return t('subsidies.proof.upload');
    case 'fee_payment':
      return t('subsidies.proof.fee_payment');
    default:
      return code;
  }
}

/** 未满足原因 label (literal keys, so the i18n check sees them). */
export function reasonLabel(code: string, t: Translate): string {
  switch (code) {
    case 'SUBSIDY_CONDITION_FACT_MISSING':
      return t('subsidies.reason.SUBSIDY_CONDITION_FACT_MISSING');
    case 'SUBSIDY_CONDITION_NOT_IN_EFFECT':
      return t('subsidies.reason.SUBSIDY_CONDITION_NOT_IN_EFFECT');
    case 'SUBSIDY_CONDITION_DISTRICT':
      return t('subsidies.reason.SUBSIDY_CONDITION_DISTRICT');
    case 'SUBSIDY_CONDITION_FLAG':
      return t('subsidies.reason.SUBSIDY_CONDITION_FLAG');
    case 'SUBSIDY_CONDITION_IP_KIND':
      return t('subsidies.reason.SUBSIDY_CONDITION_IP_KIND');
    case 'SUBSIDY_CONDITION_TERM':
      return t('subsidies.reason.SUBSIDY_CONDITION_TERM');
    case 'SUBSIDY_CONDITION_NOT_REGISTERED':
      return t('subsidies.reason.SUBSIDY_CONDITION_NOT_REGISTERED');
    case 'SUBSIDY_CONDITION_FILING_LATE':
      return t('subsidies.reason.SUBSIDY_CONDITION_FILING_LATE');
    case 'SUBSIDY_CONDITION_NOT_REPAID':
      return t('subsidies.reason.SUBSIDY_CONDITION_NOT_REPAID');
    case 'SUBSIDY_CONDITION_YEAR_OPEN':
      return t('subsidies.reason.SUBSIDY_CONDITION_YEAR_OPEN');
    case 'SUBSIDY_CONDITION_EXCLUDED':
      return t('subsidies.reason.SUBSIDY_CONDITION_EXCLUDED');
    case 'SUBSIDY_CONDITION_MAX_YEARS':
      return t('subsidies.reason.SUBSIDY_CONDITION_MAX_YEARS');
    default:
      return code;
  }
}

/** 补贴项目 label (literal keys, so the i18n check sees them). */
export function lineLabel(code: string, t: Translate): string {
  switch (code) {
    case 'interest':
      return t('subsidies.line.interest');
    case 'guarantee_fee':
      return t('subsidies.line.guarantee_fee');
    case 'insurance_premium':
      return t('subsidies.line.insurance_premium');
    case 'evaluation_fee':
      return t('subsidies.line.evaluation_fee');
    case 'service_fee':
      return t('subsidies.line.service_fee');
    case 'loan_reward':
      return t('subsidies.line.loan_reward');
    case 'volume_reward':
      return t('subsidies.line.volume_reward');
    default:
      return code;
  }
}

/** 测算步骤 label (literal keys, so the i18n check sees them). */
export function stepLabel(code: string, t: Translate): string {
  switch (code) {
    case 'cost_paid':
      return t('subsidies.step.cost_paid');
    case 'counted_cost_limit':
      return t('subsidies.step.counted_cost_limit');
    case 'rate':
      return t('subsidies.step.rate');
    case 'reward':
      return t('subsidies.step.reward');
    case 'cap_per_line_per_year':
      return t('subsidies.step.cap_per_line_per_year');
    case 'cap_per_firm_per_year':
      return t('subsidies.step.cap_per_firm_per_year');
    case 'cap_per_firm_lifetime':
      return t('subsidies.step.cap_per_firm_lifetime');
    case 'cost_not_yet_subsidised':
      return t('subsidies.step.cost_not_yet_subsidised');
    default:
      return code;
  }
}

/** 申请状态 label (literal keys, so the i18n check sees them). */
export function applicationStateLabel(code: string, t: Translate): string {
  switch (code) {
    case 'submitted':
      return t('subsidies.states.submitted');
    case 'district_reviewed':
      return t('subsidies.states.district_reviewed');
    case 'city_reviewed':
      return t('subsidies.states.city_reviewed');
    case 'approved':
      return t('subsidies.states.approved');
    case 'paid':
      return t('subsidies.states.paid');
    case 'rejected':
      return t('subsidies.states.rejected');
    case 'clawed_back':
      return t('subsidies.states.clawed_back');
    default:
      return code;
  }
}

/** 政策状态 label (literal keys, so the i18n check sees them). */
export function schemeStateLabel(code: string, t: Translate): string {
  switch (code) {
    case 'draft':
      return t('subsidies.schemeStates.draft');
    case 'published':
      return t('subsidies.schemeStates.published');
    case 'closed':
      return t('subsidies.schemeStates.closed');
    default:
      return code;
  }
}

/** 操作 label (literal keys, so the i18n check sees them). */
export function actionLabel(code: string, t: Translate): string {
  switch (code) {
    case 'pass':
      return t('subsidies.actions.pass');
    case 'reject':
      return t('subsidies.actions.reject');
    case 'approve':
      return t('subsidies.actions.approve');
    case 'pay':
      return t('subsidies.actions.pay');
    case 'clawBack':
      return t('subsidies.actions.clawBack');
    default:
      return code;
  }
}

/** 操作说明 label (literal keys, so the i18n check sees them). */
export function actionTextLabel(code: string, t: Translate): string {
  switch (code) {
    case 'reject':
      return t('subsidies.actionText.reject');
    case 'pay':
      return t('subsidies.actionText.pay');
    case 'clawBack':
      return t('subsidies.actionText.clawBack');
    default:
      return code;
  }
}

/** 费用登记方 label: the payee institution, or the enterprise with its invoice (literal keys). */
export function feeRecordedByLabel(code: string, t: Translate): string {
  switch (code) {
    case 'payee':
      return t('feePayments.recordedBy.payee');
    case 'enterprise':
      return t('feePayments.recordedBy.enterprise');
    default:
      return code;
  }
}
