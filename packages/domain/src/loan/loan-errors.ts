import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of the loan engine: schedule inputs, floating rates, repayment, prepayment, overdue (R6). */
export const loanErrors = defineErrors({
  LOAN_PRINCIPAL_INVALID: {
    status: 400,
    zh: '贷款本金必须大于 0，且不超过 {maxYuan} 元。',
    en: 'The principal must be above 0 and at most {maxYuan} yuan.',
  },
  LOAN_RATE_INVALID: {
    status: 400,
    zh: '年利率不能为负数，且不超过 {maxPct}%。',
    en: 'The annual rate may not be negative or above {maxPct}%.',
  },
  LOAN_TERM_INVALID: {
    status: 400,
    zh: '贷款期限必须为 1 至 {maxMonths} 个月的整数。',
    en: 'The term must be a whole number of months from 1 to {maxMonths}.',
  },
  LOAN_TERM_NOT_MULTIPLE_OF_PERIOD: {
    status: 400,
    zh: '按季还款时期限（{termMonths} 个月）必须是 3 的倍数。',
    en: 'With quarterly payments the term ({termMonths} months) must be a multiple of 3.',
  },
  LOAN_INSTALLMENT_MULTIPLE_INVALID: {
    status: 400,
    zh: '还款额取整单位必须为正数金额。',
    en: 'The instalment rounding multiple must be a positive amount.',
  },
  LOAN_FIRST_DUE_DATE_INVALID: {
    status: 400,
    zh: '首期还款日必须晚于起息日 {startDate}，且不晚于 {latestDate}。',
    en: 'The first due date must be after the start date {startDate} and no later than {latestDate}.',
  },
  LOAN_SETTLEMENT_DAY_INVALID: {
    status: 400,
    zh: '结息日必须为 1 至 31 之间的整数。',
    en: 'The interest settlement day must be a whole number from 1 to 31.',
  },
  LOAN_OPTION_NOT_APPLICABLE: {
    status: 400,
    zh: '选项“{option}”不适用于还款方式“{method}”。',
    en: 'The option "{option}" does not apply to the repayment method "{method}".',
  },
  LOAN_DUE_DATES_INVALID: {
    status: 400,
    zh: '还款日必须严格递增且晚于起息日。',
    en: 'Due dates must be strictly increasing and after the start date.',
  },
  LPR_NOT_AVAILABLE: {
    status: 400,
    zh: '{date} 没有可用的 {tenor} LPR 报价（数据最早为 {earliestDate}）。',
    en: 'No {tenor} LPR is available for {date} (the data start on {earliestDate}).',
  },
  LPR_TABLE_INVALID: {
    status: 500,
    zh: 'LPR 数据无效：{detail}。',
    en: 'The LPR data are not valid: {detail}.',
  },
  ACCRUAL_PERIOD_INVALID: {
    status: 400,
    zh: '计息止日 {toDate} 不能早于计息起日 {fromDate}。',
    en: 'The accrual end {toDate} may not precede its start {fromDate}.',
  },
  REPAYMENT_AMOUNT_INVALID: { status: 400, zh: '还款金额必须大于 0。', en: 'A repayment must be above 0.' },
  PREPAYMENT_AMOUNT_INVALID: {
    status: 400,
    zh: '提前还款本金必须大于 0 且小于剩余本金 {outstandingYuan} 元（全部结清请选择提前结清）。',
    en: 'A partial prepayment must be above 0 and below the outstanding {outstandingYuan} yuan (choose full prepayment to settle).',
  },
  PREPAYMENT_DATE_INVALID: {
    status: 400,
    zh: '提前还款日必须不早于上一还款日 {lastDueDate}，且早于下一还款日。',
    en: 'The prepayment date must be on or after the last due date {lastDueDate} and before the next due date.',
  },
  PENALTY_MARKUP_OUT_OF_RANGE: {
    status: 400,
    zh: '罚息上浮比例应在 {minPct}% 至 {maxPct}% 之间，实际为 {valuePct}%。',
    en: 'The penalty markup must be between {minPct}% and {maxPct}%, not {valuePct}%.',
  },
  OVERDUE_DAYS_INVALID: {
    status: 400,
    zh: '逾期天数必须为非负整数。',
    en: 'Days overdue must be a non-negative whole number.',
  },
  OVERDUE_AMOUNT_INVALID: {
    status: 400,
    zh: '逾期金额不能为负数。',
    en: 'An overdue amount may not be negative.',
  },
  LOAN_EXTENSION_INVALID: {
    status: 400,
    zh: '展期期限必须为 1 至 {maxMonths} 个月。',
    en: 'An extension must be from 1 to {maxMonths} months.',
  },
  CLASSIFICATION_THRESHOLDS_INVALID: {
    status: 500,
    zh: '五级分类阈值数据无效：{detail}。',
    en: 'The loan classification thresholds are not valid: {detail}.',
  },
});
