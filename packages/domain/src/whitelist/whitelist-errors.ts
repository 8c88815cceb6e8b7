import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors of the whitelist programme 白名单双向推送 (R5 十三, issue 10): anonymised releases that cannot reach k,
 * bank scorecards refused by structure, privacy or quota, and the compliance flags the bureau records.
 */
export const whitelistErrors = defineErrors({
  WHITELIST_K_ANONYMITY_FAILED: {
    status: 422,
    zh: '数据集无法达到 k={k} 匿名要求（{rowCount} 家企业），本次不予发布。',
    en: 'The dataset cannot reach k={k} anonymity ({rowCount} enterprises); it is not released.',
  },
  WHITELIST_SCORECARD_INVALID: {
    status: 400,
    zh: '评分卡格式不正确：{detail}。',
    en: 'The scorecard is not valid: {detail}.',
  },
  WHITELIST_SCORECARD_BIN_TOO_SMALL: {
    status: 422,
    zh: '评分卡“{feature}”的第 {bin} 个分箱覆盖的本轮企业少于 {k} 家，不予运行。',
    en: 'Bin {bin} of "{feature}" holds fewer than {k} enterprises of the round; the scorecard is refused.',
  },
  WHITELIST_SCORECARD_GRADE_TOO_SMALL: {
    status: 422,
    zh: '评级结果“{grade}”的企业少于 {k} 家，可能识别出个别企业，不予运行。',
    en: 'The outcome "{grade}" would hold fewer than {k} enterprises; the scorecard is refused.',
  },
  WHITELIST_SCORECARD_OUTCOME_TOO_SMALL: {
    status: 422,
    zh: '与本轮已运行的评分卡合并后，有一组评级组合的企业少于 {k} 家，不予运行。',
    en: "Combined with this round's earlier scorecards, a combination of grades would hold fewer than {k} enterprises; the scorecard is refused.",
  },
  WHITELIST_SCORECARD_QUASI_IDENTIFIER_TOO_FINE: {
    status: 422,
    zh: '评分卡对“{feature}”的分箱比本轮发布的数据更细（{value}），可能识别出企业，不予运行。',
    en: 'The bins of "{feature}" are finer than the released data ({value}); the scorecard is refused.',
  },
  WHITELIST_SCORECARD_QUOTA_EXCEEDED: {
    status: 409,
    zh: '本轮评分卡次数已用完（{used}/{quota}）。',
    en: 'The scorecard quota of this round is used up ({used}/{quota}).',
  },
  WHITELIST_SECRET_INVALID: {
    status: 500,
    zh: '白名单密钥“{name}”配置无效（需至少 16 字节的十六进制）。',
    en: 'The whitelist secret "{name}" is not valid (at least 16 bytes of hex are required).',
  },
  COMPLIANCE_FLAG_KIND_UNKNOWN: {
    status: 422,
    zh: '合规标记种类“{kind}”不能登记（平台贷款违约由台账自动得出）。',
    en: 'The compliance flag kind "{kind}" cannot be recorded (a platform default is derived from the ledger).',
  },
  COMPLIANCE_FLAG_ENTERPRISE_UNKNOWN: {
    status: 422,
    zh: '平台没有该企业，不能登记合规标记。',
    en: 'The platform holds no such enterprise; the compliance flag cannot be recorded.',
  },
  COMPLIANCE_FLAG_DATE_IN_FUTURE: {
    status: 422,
    zh: '日期（{date}）不能晚于今天（{today}）。',
    en: 'The date ({date}) cannot be after today ({today}).',
  },
  COMPLIANCE_FLAG_CLEARED_NOT_AFTER_EFFECTIVE: {
    status: 422,
    zh: '移出日期（{clearedOn}）须晚于生效日期（{effectiveOn}）。',
    en: 'The clearing date ({clearedOn}) must be after the effective date ({effectiveOn}).',
  },
  COMPLIANCE_FLAG_ALREADY_CLEARED: {
    status: 409,
    zh: '该合规标记已于 {clearedOn} 移出。',
    en: 'The compliance flag was cleared on {clearedOn}.',
  },
  WHITELIST_NOISE_INVALID: {
    status: 400,
    zh: '噪声参数无效：隐私预算 ε 必须为正数。',
    en: 'The noise settings are not valid: the privacy budget ε must be positive.',
  },
});
