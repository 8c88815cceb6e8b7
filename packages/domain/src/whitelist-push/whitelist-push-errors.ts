import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors of the whitelist rules, the push and its tracking, and reverse evaluation 反向评估 (issue 10 items 4–6).
 */
export const whitelistPushErrors = defineErrors({
  WHITELIST_RULES_INVALID: {
    status: 400,
    zh: '白名单规则无效：{detail}。',
    en: 'The whitelist rules are not valid: {detail}.',
  },
  WHITELIST_RULES_VERSION_EXISTS: {
    status: 409,
    zh: '白名单规则第 {version} 版已存在，请使用更高的版本号。',
    en: 'Version {version} of the whitelist rules exists already; use a higher version.',
  },
  WHITELIST_RULES_NOT_IN_EFFECT: {
    status: 409,
    zh: '{date} 没有生效的白名单规则，请先发布规则。',
    en: 'No whitelist rules are in effect on {date}; publish rules first.',
  },
  WHITELIST_ROUND_NOT_RELEASED: {
    status: 409,
    zh: '该轮次尚未发布数据集（当前状态：{state}），不能生成白名单或推送。',
    en: 'The round has not released its datasets (state: {state}); no whitelist can be built or pushed.',
  },
  WHITELIST_BANK_NOT_IN_ROUND: {
    status: 422,
    zh: '该银行未参加本轮次。',
    en: 'The bank does not take part in this round.',
  },
  WHITELIST_NOT_BUILT: {
    status: 409,
    zh: '尚未为该银行生成本轮次白名单，请先生成再推送。',
    en: "The round's whitelist for this bank has not been built yet; build it before pushing.",
  },
  WHITELIST_ALREADY_PUSHED: {
    status: 409,
    zh: '该银行本轮次白名单已推送，推送后不能重新生成。',
    en: "The round's whitelist for this bank has been pushed; it can no longer be rebuilt.",
  },
  WHITELIST_LEAD_ALREADY_CONTACTED: {
    status: 409,
    zh: '该推送企业已于 {contactedOn} 登记联系。',
    en: 'Contact with this pushed enterprise was recorded on {contactedOn}.',
  },
  REVERSE_EVALUATION_ENTERPRISE_UNKNOWN: {
    status: 422,
    zh: '平台没有统一社会信用代码为 {uscc} 的企业。',
    en: 'The platform holds no enterprise with the unified social credit code {uscc}.',
  },
  REVERSE_EVALUATION_CONSENT_MISSING: {
    status: 422,
    zh: '未取得“{enterpriseName}”（{uscc}）有效授权，不能提交反向评估。',
    en: 'No valid consent from "{enterpriseName}" ({uscc}); the reverse evaluation cannot be requested.',
  },
});
