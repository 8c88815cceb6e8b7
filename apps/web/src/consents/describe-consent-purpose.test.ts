import { describe, expect, it } from 'vitest';
import { describeConsentPurpose } from './describe-consent-purpose.ts';

const t = (key: string) => `«${key}»`;
const caseId = '0b9e6a52-8d7c-4f3e-9a21-5c4d3b2a1f00';

describe('describeConsentPurpose: a consent purpose a clerk or owner can read', () => {
  it('names the purpose of an application consent and its case number', () => {
    expect(describeConsentPurpose(`financing_application:${caseId}`, 'IPF-2026-000123', t)).toEqual({
      label: '«consents.purposes.financing_application»',
      caseNumber: 'IPF-2026-000123',
    });
    expect(describeConsentPurpose(`credit_bureau_query:${caseId}`, 'IPF-2026-000123', t).label).toBe(
      '«consents.purposes.credit_bureau_query»',
    );
    expect(describeConsentPurpose(`bureau_supervision:${caseId}`, null, t)).toEqual({
      label: '«consents.purposes.bureau_supervision»',
      caseNumber: null,
    });
  });

  it('shows a purpose the enterprise typed as it is, without a case', () => {
    expect(describeConsentPurpose('申请知识产权质押贷款', 'IPF-2026-000123', t)).toEqual({
      label: '申请知识产权质押贷款',
      caseNumber: null,
    });
  });

  it('shows an unknown coded purpose by its code rather than a raw id', () => {
    expect(describeConsentPurpose(`due_diligence:${caseId}`, null, t)).toEqual({
      label: 'due_diligence',
      caseNumber: null,
    });
  });
});
