import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors of the whitelist programme's consent, rounds, releases, scorecard submissions and grade uploads
 * (issue 10 items 1–3). The privacy refusals of the release and of a scorecard's content are in
 * `whitelist/whitelist-errors.ts`.
 */
export const whitelistRoundErrors = defineErrors({
  WHITELIST_PROGRAMME_ALREADY_JOINED: {
    status: 409,
    zh: '您已加入白名单计划（授权有效至 {expiresOn}），无需重复加入。',
    en: 'You are already in the whitelist programme (consent valid until {expiresOn}).',
  },
  WHITELIST_PROGRAMME_NOT_JOINED: {
    status: 409,
    zh: '您目前没有有效的白名单计划授权，无需退出。',
    en: 'You hold no valid whitelist programme consent; there is nothing to leave.',
  },
  WHITELIST_PROGRAMME_EXPIRY_INVALID: {
    status: 400,
    zh: '授权到期日须晚于今天，且不超过 {maxYears} 年。',
    en: 'The consent must expire after today and within {maxYears} years.',
  },
  WHITELIST_PROGRAMME_BUREAU_MISSING: {
    status: 500,
    zh: '平台尚未登记市知识产权局，暂不能加入白名单计划。',
    en: 'The city IP bureau is not on the platform; the programme cannot be joined yet.',
  },
  WHITELIST_ROUND_NOT_FOUND: {
    status: 404,
    zh: '白名单轮次不存在或无权查看。',
    en: 'The whitelist round does not exist or you may not see it.',
  },
  WHITELIST_ROUND_STATE_INVALID: {
    status: 409,
    zh: '该轮次当前状态为“{state}”，不能{action}。',
    en: 'The round is "{state}"; it cannot be {action}.',
  },
  WHITELIST_ROUND_PERIOD_INVALID: {
    status: 400,
    zh: '轮次期间的结束日不能早于开始日。',
    en: 'The round period cannot end before it starts.',
  },
  WHITELIST_ROUND_FEATURE_INVALID: {
    status: 400,
    zh: '不认识的特征“{feature}”。',
    en: 'Unknown feature "{feature}".',
  },
  WHITELIST_ROUND_BANK_INVALID: {
    status: 400,
    zh: '参与机构须为在册且有效的银行（总行或分支机构）。',
    en: 'A participant must be an active bank (head office or unit) on the platform.',
  },
  WHITELIST_ROUND_BANK_ALREADY_ADDED: {
    status: 409,
    zh: '该银行已参与本轮。',
    en: 'This bank already takes part in the round.',
  },
  WHITELIST_ROUND_NO_BANKS: {
    status: 409,
    zh: '请先添加至少一家参与银行，再开启轮次。',
    en: 'Add at least one participating bank before opening the round.',
  },
  WHITELIST_RELEASE_REFUSED: {
    status: 422,
    zh: '发给“{bank}”的数据集无法达到 k={k} 匿名要求（{rowCount} 家已授权企业），整轮未发布，未写入任何数据。',
    en: 'The dataset for "{bank}" cannot reach k={k} anonymity ({rowCount} opted-in enterprises); nothing was released.',
  },
  WHITELIST_RELEASE_NOT_FOUND: {
    status: 404,
    zh: '本轮尚未向该银行发布数据集。',
    en: 'No dataset has been released to this bank in this round.',
  },
  WHITELIST_SCORECARD_ROUND_NOT_RELEASED: {
    status: 409,
    zh: '轮次发布数据后、关闭前才能提交评分卡或上传评级。',
    en: 'Scorecards and grades are accepted only after the release and before the round closes.',
  },
  WHITELIST_GRADE_UPLOAD_INVALID: {
    status: 400,
    zh: '上传的评级有 {count} 处问题，请逐项修改。',
    en: 'The uploaded grades have {count} problem(s); please correct each one.',
  },
  WHITELIST_GRADE_LINE_INVALID: {
    status: 400,
    zh: '第 {line} 行格式不正确，应为“假名,评级”。',
    en: 'Line {line} is not "pseudonym,grade".',
  },
  WHITELIST_GRADE_VALUE_INVALID: {
    status: 400,
    zh: '评级“{grade}”无效，只能为 A、B、C、D。',
    en: 'Grade "{grade}" is not valid; use A, B, C or D.',
  },
  WHITELIST_GRADE_DUPLICATE: {
    status: 400,
    zh: '假名 {pseudonym} 在本次上传中出现了多次。',
    en: 'Pseudonym {pseudonym} appears more than once in the upload.',
  },
  WHITELIST_GRADE_EMPTY: {
    status: 400,
    zh: '上传内容中没有评级。',
    en: 'The upload holds no grades.',
  },
  WHITELIST_GRADE_PSEUDONYM_UNKNOWN: {
    status: 422,
    zh: '{count} 个假名不在本轮发给贵行的数据集中：{pseudonyms}。整批未导入。',
    en: '{count} pseudonym(s) are not in the dataset released to your bank in this round: {pseudonyms}. Nothing was imported.',
  },
  WHITELIST_GRADE_PSEUDONYM_NOT_RELEASED: {
    status: 422,
    zh: '假名 {pseudonym} 不在本轮发给贵行的数据集中。',
    en: 'Pseudonym {pseudonym} is not in the dataset released to your bank.',
  },
});
