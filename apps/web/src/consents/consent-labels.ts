import type { ConsentDto, GrantConsentBody } from '@ipf/contracts';

type Translate = (key: string) => string;

/** The scopes an enterprise may grant (the grant API's `scope`), in the order the dialog offers them. */
export const grantableConsentScopes: readonly GrantConsentBody['scope'][] = [
  'profile',
  'ip_assets',
  'financials',
  'credit_report',
];

/** 授权状态 label (literal keys, so the i18n check sees them). */
export function consentStateLabel(state: ConsentDto['state'], t: Translate): string {
  switch (state) {
    case 'active':
      return t('consents.states.active');
    case 'expired':
      return t('consents.states.expired');
    case 'revoked':
      return t('consents.states.revoked');
  }
}

/** 授权范围 label: which of the enterprise's data the recipient may use. */
export function consentScopeLabel(scope: string, t: Translate): string {
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
    case 'whitelist_programme':
      return t('consents.scopes.whitelist_programme');
    default:
      return scope;
  }
}
