type Translate = (key: string) => string;

/** whitelistRounds.consentState.* label (literal keys, so the i18n check sees them). */
export function whitelistRoundConsentStateLabel(code: string, t: Translate): string {
  switch (code) {
    case 'active':
      return t('whitelistRounds.consentState.active');
    case 'expired':
      return t('whitelistRounds.consentState.expired');
    case 'revoked':
      return t('whitelistRounds.consentState.revoked');
    default:
      return code;
  }
}

/** whitelistRounds.done.* label (literal keys, so the i18n check sees them). */
export function whitelistRoundDoneLabel(code: string, t: Translate): string {
  switch (code) {
    case 'draft':
      return t('whitelistRounds.done.draft');
    case 'open':
      return t('whitelistRounds.done.open');
    case 'released':
      return t('whitelistRounds.done.released');
    case 'closed':
      return t('whitelistRounds.done.closed');
    default:
      return code;
  }
}

/** whitelistRounds.features.* label (literal keys, so the i18n check sees them). */
export function whitelistRoundFeaturesLabel(code: string, t: Translate): string {
  switch (code) {
    case 'district':
      return t('whitelistRounds.features.district');
    case 'cluster':
      return t('whitelistRounds.features.cluster');
    case 'sizeClass':
      return t('whitelistRounds.features.sizeClass');
    case 'foundedYear':
      return t('whitelistRounds.features.foundedYear');
    case 'employees':
      return t('whitelistRounds.features.employees');
    case 'highTech':
      return t('whitelistRounds.features.highTech');
    case 'specialised':
      return t('whitelistRounds.features.specialised');
    case 'validInventionPatents':
      return t('whitelistRounds.features.validInventionPatents');
    case 'validPatents':
      return t('whitelistRounds.features.validPatents');
    case 'valuationScore':
      return t('whitelistRounds.features.valuationScore');
    case 'patentGrowth3y':
      return t('whitelistRounds.features.patentGrowth3y');
    case 'registeredCapitalWan':
      return t('whitelistRounds.features.registeredCapitalWan');
    case 'overdueCount':
      return t('whitelistRounds.features.overdueCount');
    default:
      return code;
  }
}

/** whitelistRounds.scorecardStates.* label (literal keys, so the i18n check sees them). */
export function whitelistRoundScorecardStatesLabel(code: string, t: Translate): string {
  switch (code) {
    case 'accepted':
      return t('whitelistRounds.scorecardStates.accepted');
    case 'refused':
      return t('whitelistRounds.scorecardStates.refused');
    default:
      return code;
  }
}

/** whitelistRounds.states.* label (literal keys, so the i18n check sees them). */
export function whitelistRoundStatesLabel(code: string, t: Translate): string {
  switch (code) {
    case 'draft':
      return t('whitelistRounds.states.draft');
    case 'open':
      return t('whitelistRounds.states.open');
    case 'released':
      return t('whitelistRounds.states.released');
    case 'closed':
      return t('whitelistRounds.states.closed');
    default:
      return code;
  }
}
