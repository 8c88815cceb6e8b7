import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of log-in, second factor, sessions and API tokens (R17). */
export const authErrors = defineErrors({
  LOGIN_FAILED: { status: 401, zh: '登录名或密码错误。', en: 'Wrong login or password.' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账户已锁定至 {until}。',
    en: 'Too many failed log-ins; the account is locked until {until}.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账户已停用，请联系平台管理员。',
    en: 'The account is disabled; contact the platform administrator.',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 401,
    zh: '请输入动态口令完成登录。',
    en: 'Enter your one-time code to finish logging in.',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    zh: '动态口令不正确或已过期。',
    en: 'The one-time code is wrong or has expired.',
  },
  SECOND_FACTOR_ALREADY_ENROLLED: {
    status: 409,
    zh: '已绑定动态口令。',
    en: 'An authenticator is already enrolled.',
  },
  SECOND_FACTOR_NOT_PENDING: {
    status: 409,
    zh: '当前登录无需输入动态口令。',
    en: 'This log-in does not await a one-time code.',
  },
  API_TOKEN_INVALID: {
    status: 401,
    zh: '接口令牌无效、已过期或已撤销。',
    en: 'The API token is invalid, expired or revoked.',
  },
  API_TOKEN_SCOPE_MISSING: {
    status: 403,
    zh: '接口令牌没有“{scope}”权限。',
    en: 'The API token lacks the scope "{scope}".',
  },
  API_TOKEN_NOT_FOUND: { status: 404, zh: '接口令牌不存在。', en: 'No such API token.' },
});
