import { defineErrors } from '../errors/error-catalogue.ts';

/** 台账案件错误 (ledger case errors raised by the use cases): consents an application relies on, products. */
export const ledgerCaseErrors = defineErrors({
  CASE_CONSENT_INVALID: {
    status: 409,
    zh: '企业对本行的“{scope}”授权已{state}，不能继续办理。',
    en: 'The enterprise\'s "{scope}" consent to this bank is {state}; the step cannot proceed.',
  },
  CASE_CONSENT_EXPIRY_TOO_SHORT: {
    status: 400,
    zh: '授权到期日须晚于今天。',
    en: 'The consents must expire after today.',
  },
  BANK_PRODUCT_NOT_OFFERED: {
    status: 422,
    zh: '银行 {bankUnitId} 不提供产品 {productId}。',
    en: 'Bank unit {bankUnitId} does not offer product {productId}.',
  },
  CASE_BANK_UNIT_INVALID: {
    status: 422,
    zh: '机构 {bankUnitId} 不是银行网点。',
    en: '{bankUnitId} is not a bank unit.',
  },
});
