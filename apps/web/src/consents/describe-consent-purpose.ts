type Translate = (key: string) => string;

/** A consent's purpose for the reader: what it is for, and the case it concerns when an application gave it. */
export interface ConsentPurposeText {
  readonly label: string;
  readonly caseNumber: string | null;
}

const CODED = /^([a-z_]+):[0-9a-f-]{36}$/;

/** 授权用途 of the purposes an application writes (literal keys, so the i18n check sees them). */
function purposeLabel(kind: string, t: Translate): string | null {
  switch (kind) {
    case 'financing_application':
      return t('consents.purposes.financing_application');
    case 'credit_bureau_query':
      return t('consents.purposes.credit_bureau_query');
    case 'bureau_supervision':
      return t('consents.purposes.bureau_supervision');
    default:
      return null;
  }
}

/**
 * 授权用途 (a consent's purpose in words): the coded purposes an application writes (`financing_application:<caseId>`
 * → "融资申请" with the case number the server found), a purpose the enterprise typed as it is, and an unknown code
 * as the code. Source: access.md "Consent"; apply-for-financing (the purposes it writes).
 */
export function describeConsentPurpose(
  purpose: string,
  caseNumber: string | null,
  t: Translate,
): ConsentPurposeText {
  const coded = CODED.exec(purpose);
  if (coded === null) return { label: purpose, caseNumber: null };
  const kind = coded[1] ?? '';
  return { label: purposeLabel(kind, t) ?? kind, caseNumber };
}
