type Translate = (key: string) => string;

/** A readable name for a permission id; unknown ids are shown as they are. */
export function permissionLabel(permission: string, t: Translate): string {
  switch (permission) {
    case 'organisation.list':
      return t('permission.organisationList');
    case 'organisation.read':
      return t('permission.organisationRead');
    case 'organisation.create':
      return t('permission.organisationCreate');
    case 'user.list':
      return t('permission.userList');
    case 'user.create':
      return t('permission.userCreate');
    case 'user.update':
      return t('permission.userUpdate');
    case 'enterprise.list':
      return t('permission.enterpriseList');
    case 'enterprise.read':
      return t('permission.enterpriseRead');
    case 'audit.list':
      return t('permission.auditList');
    case 'enterprise.create':
      return t('permission.enterpriseCreate');
    case 'enterprise.update':
      return t('permission.enterpriseUpdate');
    case 'audit.verify':
      return t('permission.auditVerify');
    case 'consent.list':
      return t('permission.consentList');
    case 'consent.grant':
      return t('permission.consentGrant');
    case 'consent.revoke':
      return t('permission.consentRevoke');
    case 'api_token.list':
      return t('permission.apiTokenList');
    case 'api_token.create':
      return t('permission.apiTokenCreate');
    case 'api_token.revoke':
      return t('permission.apiTokenRevoke');
    case 'ip_asset.list':
      return t('permission.ipAssetList');
    case 'ip_asset.read':
      return t('permission.ipAssetRead');
    case 'ip_asset.create':
      return t('permission.ipAssetCreate');
    case 'ip_asset.update':
      return t('permission.ipAssetUpdate');
    case 'ip_asset.import':
      return t('permission.ipAssetImport');
    case 'ip_asset.export':
      return t('permission.ipAssetExport');
    case 'ip_asset.check_eligibility':
      return t('permission.ipAssetCheckEligibility');
    default:
      return permission;
  }
}
