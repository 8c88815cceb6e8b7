import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of 展期 (extension) and 续贷 (renewal) as new contract versions (issue 6 item 2). */
export const loanRestructuringErrors = defineErrors({
  LOAN_EXTENSION_BEYOND_LIMIT: {
    status: 422,
    zh: '展期累计 {requestedMonths} 个月，超过《贷款通则》第十二条允许的 {maxMonths} 个月（原贷款期限 {termMonths} 个月）。',
    en: 'Extensions of {requestedMonths} months in total exceed the {maxMonths} months that art. 12 of the General Rules on Loans allows (original term {termMonths} months).',
  },
  LOAN_RESTRUCTURING_WITH_ARREARS: {
    status: 422,
    zh: '贷款尚有已到期未还或已提前部分偿还的款项（{dueYuan} 元），须先结清当期才能展期或续贷。',
    en: 'The loan has amounts due or a part-paid instalment ({dueYuan} yuan); settle them before an extension or renewal.',
  },
  LOAN_MATURITY_AFTER_IP_EXPIRY: {
    status: 422,
    zh: '新的到期日 {maturityDate} 晚于质押知识产权的保护期届满日 {expiryDate}，债务期限不得超过其剩余保护期。',
    en: 'The new maturity {maturityDate} is after the pledged IP expires on {expiryDate}; the debt may not outlast its term.',
  },
});
