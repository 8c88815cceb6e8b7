type Translate = (key: string) => string;

/** whitelistPush.stat.* label (literal keys, so the i18n check sees them). */
export function whitelistPushStatLabel(code: string, t: Translate): string {
  switch (code) {
    case 'pushed':
      return t('whitelistPush.stat.pushed');
    case 'contacted':
      return t('whitelistPush.stat.contacted');
    case 'applied':
      return t('whitelistPush.stat.applied');
    case 'approved':
      return t('whitelistPush.stat.approved');
    case 'declined':
      return t('whitelistPush.stat.declined');
    case 'disbursed':
      return t('whitelistPush.stat.disbursed');
    case 'followUpOverdue':
      return t('whitelistPush.stat.followUpOverdue');
    case 'applyRate':
      return t('whitelistPush.stat.applyRate');
    case 'disbursementRate':
      return t('whitelistPush.stat.disbursementRate');
    default:
      return code;
  }
}

/** whitelistPush.statuses.* label (literal keys, so the i18n check sees them). */
export function whitelistPushStatusesLabel(code: string, t: Translate): string {
  switch (code) {
    case 'pushed':
      return t('whitelistPush.statuses.pushed');
    case 'contacted':
      return t('whitelistPush.statuses.contacted');
    case 'applied':
      return t('whitelistPush.statuses.applied');
    case 'approved':
      return t('whitelistPush.statuses.approved');
    case 'declined':
      return t('whitelistPush.statuses.declined');
    case 'disbursed':
      return t('whitelistPush.statuses.disbursed');
    default:
      return code;
  }
}

/** whitelistPush.triggers.* label (literal keys, so the i18n check sees them). */
export function whitelistPushTriggersLabel(code: string, t: Translate): string {
  switch (code) {
    case 'schedule':
      return t('whitelistPush.triggers.schedule');
    case 'on_demand':
      return t('whitelistPush.triggers.on_demand');
    default:
      return code;
  }
}

/** whitelistPush.flags.* label (literal keys, so the i18n check sees them). */
export function whitelistPushFlagsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'NO_VALID_VALUATION':
      return t('whitelistPush.flags.NO_VALID_VALUATION');
    case 'NO_VALID_INVENTION_PATENT':
      return t('whitelistPush.flags.NO_VALID_INVENTION_PATENT');
    case 'OVERDUE_ON_LEDGER':
      return t('whitelistPush.flags.OVERDUE_ON_LEDGER');
    case 'IP_FLAGGED':
      return t('whitelistPush.flags.IP_FLAGGED');
    case 'IP_HEALTH_RISKS':
      return t('whitelistPush.flags.IP_HEALTH_RISKS');
    default:
      return code;
  }
}

/** whitelistPush.reasons.* label (literal keys, so the i18n check sees them). */
export function whitelistPushReasonsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'NO_GRADE':
      return t('whitelistPush.reasons.NO_GRADE');
    case 'GRADE_BELOW_MINIMUM':
      return t('whitelistPush.reasons.GRADE_BELOW_MINIMUM');
    case 'TOO_FEW_INVENTION_PATENTS':
      return t('whitelistPush.reasons.TOO_FEW_INVENTION_PATENTS');
    case 'VALUATION_SCORE_MISSING':
      return t('whitelistPush.reasons.VALUATION_SCORE_MISSING');
    case 'VALUATION_SCORE_TOO_LOW':
      return t('whitelistPush.reasons.VALUATION_SCORE_TOO_LOW');
    case 'OVERDUE':
      return t('whitelistPush.reasons.OVERDUE');
    case 'COMPLIANCE_FLAG':
      return t('whitelistPush.reasons.COMPLIANCE_FLAG');
    default:
      return code;
  }
}

/** 授权范围 of the consent a reverse evaluation relied on (consents.scopes.*, literal keys). */
export function reverseConsentScopeLabel(scope: string, t: Translate): string {
  switch (scope) {
    case 'profile':
      return t('consents.scopes.profile');
    case 'ip_assets':
      return t('consents.scopes.ip_assets');
    case 'financials':
      return t('consents.scopes.financials');
    case 'credit_report':
      return t('consents.scopes.credit_report');
    case 'financing_record':
      return t('consents.scopes.financing_record');
    default:
      return scope;
  }
}
