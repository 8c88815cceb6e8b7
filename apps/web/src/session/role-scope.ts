type Translate = (key: string) => string;

/** One sentence on what a role sees and does (access.md "Roles"), for the home page. */
export function roleScope(role: string, t: Translate): string {
  switch (role) {
    case 'enterprise_user':
      return t('roleScope.enterpriseUser');
    case 'bank_clerk':
      return t('roleScope.bankClerk');
    case 'bank_approver':
      return t('roleScope.bankApprover');
    case 'guarantor_user':
      return t('roleScope.guarantorUser');
    case 'insurer_user':
      return t('roleScope.insurerUser');
    case 'evaluator':
      return t('roleScope.evaluator');
    case 'expert':
      return t('roleScope.expert');
    case 'pool_admin':
      return t('roleScope.poolAdmin');
    case 'district_bureau':
      return t('roleScope.districtBureau');
    case 'city_bureau':
      return t('roleScope.cityBureau');
    case 'regulator':
      return t('roleScope.regulator');
    case 'platform_admin':
      return t('roleScope.platformAdmin');
    default:
      return '';
  }
}
