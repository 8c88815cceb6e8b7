import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors and condition texts of rewards to institutions 机构奖励 (issue 9 item 2): a bank, guarantor, insurer or
 * evaluator claims a scheme's reward for its qualifying loans of one period.
 */
export const subsidyRewardErrors = defineErrors({
  SUBSIDY_CONDITION_NOT_IN_PERIOD: {
    status: 422,
    zh: '放款日 {date} 不在奖励年度 {year} 内。',
    en: 'The disbursement date {date} is not in the reward year {year}.',
  },
  SUBSIDY_CONDITION_ALREADY_REWARDED: {
    status: 422,
    zh: '该笔贷款已在本政策下申请或获得奖励，不能重复申请。',
    en: 'This loan has already been claimed or rewarded under the scheme and cannot be claimed again.',
  },
  SUBSIDY_REWARD_LOAN_CLAIMED: {
    status: 409,
    zh: '贷款 {caseNumber} 已在本政策下申请奖励，不能重复申请。',
    en: 'Loan {caseNumber} has already been claimed under this scheme.',
  },
  SUBSIDY_REWARD_NOTHING_DUE: {
    status: 422,
    zh: '所选贷款没有可申请的奖励：{conditions}。',
    en: 'The loans chosen carry no reward: {conditions}.',
  },
  SUBSIDY_REWARD_WRONG_INSTITUTION: {
    status: 403,
    zh: '该政策的奖励对象不是本机构类型。',
    en: "The scheme does not reward institutions of the actor's kind.",
  },
});
