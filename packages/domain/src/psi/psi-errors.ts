import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of private matching 隐私求交 (ECDH-PSI, issue 10 item 7): limits, sessions and malformed items. */
export const psiErrors = defineErrors({
  PSI_SESSION_LIMIT_REACHED: {
    status: 429,
    zh: '本行今日已发起 {limit} 次隐私求交，已达上限，请明日再试。',
    en: 'Your bank has opened {limit} private matching sessions today, the daily limit; try again tomorrow.',
  },
  PSI_SET_TOO_LARGE: {
    status: 422,
    zh: '本次提交 {size} 条，超过单次上限 {limit} 条，请分批匹配。',
    en: 'The set holds {size} items, more than the limit of {limit} per session; match in smaller batches.',
  },
  PSI_SESSION_EXPIRED: {
    status: 410,
    zh: '隐私求交会话已于 {expiresAt} 过期，请重新发起。',
    en: 'The private matching session expired at {expiresAt}; open a new one.',
  },
  PSI_SESSION_ALREADY_ANSWERED: {
    status: 409,
    zh: '该隐私求交会话已完成匹配，每个会话只能提交一次，请重新发起。',
    en: 'This private matching session has been answered already; each session answers once, open a new one.',
  },
  PSI_ITEM_INVALID: {
    status: 422,
    zh: '第 {index} 项不是有效的曲线点（应为 32 字节 X25519 坐标）。',
    en: 'Item {index} is not a valid curve point (expected a 32-byte X25519 coordinate).',
  },
  PSI_SET_KIND_UNKNOWN: {
    status: 422,
    zh: '不支持的匹配集合：{setKind}。',
    en: 'Unknown set to match against: {setKind}.',
  },
});
