import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of organisations, users and enterprise profiles (R1). */
export const partyErrors = defineErrors({
  USCC_LENGTH_INVALID: {
    status: 400,
    zh: '统一社会信用代码应为 18 位，实际为 {length} 位。',
    en: 'A unified social credit code has 18 characters, not {length}.',
  },
  USCC_CHARACTER_INVALID: {
    status: 400,
    zh: '统一社会信用代码第 {position} 位“{character}”不是允许的字符（不含 I、O、S、V、Z）。',
    en: 'Character {position} ("{character}") of the credit code is not allowed (no I, O, S, V or Z).',
  },
  USCC_CHECK_CHARACTER_MISMATCH: {
    status: 400,
    zh: '统一社会信用代码校验位错误：应为 {expected}，实际为 {actual}。',
    en: 'Credit code check character is wrong: expected {expected}, got {actual}.',
  },
  USCC_ORGANISATION_CODE_CHECK_MISMATCH: {
    status: 400,
    zh: '统一社会信用代码第 17 位（组织机构代码校验码）错误：应为 {expected}，实际为 {actual}。',
    en: 'Character 17 of the credit code (organisation-code check) is wrong: expected {expected}, got {actual}.',
  },
  USCC_ALREADY_REGISTERED: {
    status: 409,
    zh: '统一社会信用代码 {uscc} 已登记在平台上。',
    en: 'The credit code {uscc} is already registered.',
  },
  ROLE_NOT_ALLOWED_FOR_ORGANISATION: {
    status: 400,
    zh: '“{role}”角色不能设在此类机构（{kind}）。',
    en: 'The role {role} cannot be held in an organisation of kind {kind}.',
  },
  LOGIN_ALREADY_TAKEN: {
    status: 409,
    zh: '登录名 {login} 已被使用。',
    en: 'The login {login} is already taken.',
  },
  PARENT_ORGANISATION_INVALID: {
    status: 400,
    zh: '上级机构无效：银行分支机构的上级必须是同一银行的上一级机构。',
    en: "Invalid parent: a bank unit's parent must be the level above it in the same bank.",
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码至少 10 位，须包含字母、数字、符号中的至少两类，且不能包含登录名。',
    en: 'Passwords need at least 10 characters, at least two of letters, digits and symbols, and must not contain the login.',
  },
  DEMO_USER_UNKNOWN: {
    status: 404,
    zh: '{login} 不是演示用户；真实用户请用手机扫码绑定动态口令。',
    en: '{login} is not a demo user; real users enrol their authenticator by QR code.',
  },
  CONSENT_NOT_FOUND: { status: 404, zh: '授权记录不存在。', en: 'No such consent.' },
  CONSENT_ALREADY_REVOKED: {
    status: 409,
    zh: '该授权已撤回。',
    en: 'This consent has already been revoked.',
  },
  CONSENT_EXPIRY_INVALID: {
    status: 400,
    zh: '授权到期日必须晚于今天。',
    en: 'A consent must expire after today.',
  },
});
