type Translate = (key: string) => string;

/** compliance.kinds.* label (literal keys, so the i18n check sees them). */
export function complianceFlagKindLabel(code: string, t: Translate): string {
  switch (code) {
    case 'abnormal_operation':
      return t('compliance.kinds.abnormal_operation');
    case 'serious_dishonesty':
      return t('compliance.kinds.serious_dishonesty');
    case 'dishonest_debtor':
      return t('compliance.kinds.dishonest_debtor');
    case 'tax_violation':
      return t('compliance.kinds.tax_violation');
    case 'ip_infringement':
      return t('compliance.kinds.ip_infringement');
    case 'platform_default':
      return t('compliance.kinds.platform_default');
    default:
      return code;
  }
}
