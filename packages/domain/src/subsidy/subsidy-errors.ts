import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors and condition texts of subsidies and rewards 贴息 贴费 奖励 (R14, issue 9). The `SUBSIDY_CONDITION_…` codes
 * explain an unmet condition to the applicant; the others refuse bad schemes or inputs.
 */
export const subsidyErrors = defineErrors({
  SUBSIDY_SCHEME_INVALID: {
    status: 400,
    zh: '补贴政策配置无效：{detail}。',
    en: 'The subsidy scheme is not valid: {detail}.',
  },
  SUBSIDY_AMOUNT_INVALID: { status: 400, zh: '金额不能为负数。', en: 'An amount may not be negative.' },
  SUBSIDY_BUDGET_EXHAUSTED: {
    status: 409,
    zh: '该政策预算已用完，申请未获批准。',
    en: "The scheme's budget is used up; the application was not granted.",
  },
  SUBSIDY_CONDITION_FACT_MISSING: {
    status: 422,
    zh: '平台没有“{fact}”的记录，请上传证明材料。',
    en: 'The platform holds no record of "{fact}"; please upload proof.',
  },
  SUBSIDY_CONDITION_NOT_IN_EFFECT: {
    status: 422,
    zh: '放款日 {date} 不在政策有效期 {from} 至 {to} 内。',
    en: "The disbursement date {date} is outside the scheme's period {from} to {to}.",
  },
  SUBSIDY_CONDITION_DISTRICT: {
    status: 422,
    zh: '企业{basis}所在区为“{district}”，不在政策适用范围内。',
    en: 'The enterprise\'s {basis} district "{district}" is not covered by the scheme.',
  },
  SUBSIDY_CONDITION_FLAG: {
    status: 422,
    zh: '企业不具备“{flag}”资格。',
    en: 'The enterprise does not hold the "{flag}" status.',
  },
  SUBSIDY_CONDITION_IP_KIND: {
    status: 422,
    zh: '质押物包含政策不支持的知识产权类型：{kinds}。',
    en: 'The pledge includes IP kinds the scheme does not cover: {kinds}.',
  },
  SUBSIDY_CONDITION_TERM: {
    status: 422,
    zh: '贷款期限 {termMonths} 个月，超过政策上限 {maxTermMonths} 个月。',
    en: "The loan term of {termMonths} months exceeds the scheme's {maxTermMonths} months.",
  },
  SUBSIDY_CONDITION_NOT_REGISTERED: {
    status: 422,
    zh: '质押尚未完成登记。',
    en: 'The pledge is not registered.',
  },
  SUBSIDY_CONDITION_FILING_LATE: {
    status: 422,
    zh: '向区主管部门备案日期 {filedOn} 晚于截止日 {deadline}。',
    en: 'The filing with the district on {filedOn} was after the deadline {deadline}.',
  },
  SUBSIDY_CONDITION_NOT_REPAID: {
    status: 422,
    zh: '贷款尚未全部结清。',
    en: 'The loan is not fully repaid.',
  },
  SUBSIDY_CONDITION_YEAR_OPEN: {
    status: 422,
    zh: '{year} 年度尚未结束，按年度申请须在次年提出。',
    en: 'The year {year} has not ended; per-year applications are made the following year.',
  },
  SUBSIDY_CONDITION_EXCLUDED: {
    status: 422,
    zh: '同一笔贷款已享受互斥政策“{schemeId}”的补贴，不得叠加。',
    en: 'This loan already received a subsidy from the mutually exclusive scheme "{schemeId}"; they do not stack.',
  },
  SUBSIDY_CONDITION_MAX_YEARS: {
    status: 422,
    zh: '已享受补贴 {years} 个年度，达到政策上限 {maxYears} 个年度。',
    en: "Subsidies were already received for {years} years, the scheme's limit of {maxYears}.",
  },
});
