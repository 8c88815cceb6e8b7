import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of loan servicing: disbursement, repayments with idempotency keys, the daily job (issue 6, R6). */
export const loanServicingErrors = defineErrors({
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    zh: '资金类请求必须带 Idempotency-Key 请求头（1 至 100 个字符）。',
    en: 'A money-moving request needs an Idempotency-Key header (1 to 100 characters).',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '幂等键 {key} 已用于另一笔不同的请求，请为新的请求使用新的幂等键。',
    en: 'The idempotency key {key} was already used for a different request; use a new key for a new request.',
  },
  ENTRUSTED_PAYMENT_DETAILS_REQUIRED: {
    status: 400,
    zh: '受托支付须填写交易对手名称、账号以及发票或合同编号。',
    en: 'Entrusted payment needs the counterparty name and account and the invoice or contract reference.',
  },
  LOAN_TERMS_MISSING: {
    status: 422,
    zh: '案件缺少放款所需的金额、期限、还款方式、利差或产品。',
    en: 'The case lacks the amount, term, repayment method, spread or product needed to disburse.',
  },
  LOAN_ACCOUNT_CLOSED: {
    status: 422,
    zh: '该贷款已结清，不能再还款。',
    en: 'The loan is closed; no further repayment can be posted.',
  },
  REPAYMENT_EXCEEDS_AMOUNT_DUE: {
    status: 422,
    zh: '还款金额超过当前应还合计 {dueYuan} 元；提前归还本金请选择提前还款。',
    en: 'The repayment exceeds the {dueYuan} yuan now payable; choose prepayment to repay principal early.',
  },
  PREPAYMENT_WITH_ARREARS: {
    status: 422,
    zh: '请先归还已到期或已部分归还的期次（{dueYuan} 元），再办理提前还款。',
    en: 'Pay the instalments due or part paid ({dueYuan} yuan) before a prepayment.',
  },
  SERVICING_DATE_IN_FUTURE: {
    status: 400,
    zh: '日终批处理的业务日期 {businessDate} 不能晚于今天 {today}。',
    en: 'The business date {businessDate} of the daily run may not be after today {today}.',
  },
});
