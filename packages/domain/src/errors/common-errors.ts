import { defineErrors } from './error-catalogue.ts';

/** Errors shared by every context: request shape, authentication, permission, concurrency. */
export const commonErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的数据有 {count} 处问题，请逐项修改。',
    en: 'The request has {count} problem(s); please correct each one.',
  },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  FIELD_REQUIRED: { status: 400, zh: '必填项未填写。', en: 'This field is required.' },
  FIELD_INVALID_TYPE: {
    status: 400,
    zh: '字段类型不正确，应为 {expected}。',
    en: 'Wrong type; expected {expected}.',
  },
  FIELD_UNKNOWN: { status: 400, zh: '不认识的字段“{name}”。', en: 'Unknown field "{name}".' },
  FIELD_INVALID_FORMAT: { status: 400, zh: '格式不正确。', en: 'The format is not valid.' },
  FIELD_OUT_OF_RANGE: {
    status: 400,
    zh: '取值超出允许范围。',
    en: 'The value is outside the allowed range.',
  },
  FIELD_NOT_ALLOWED: {
    status: 400,
    zh: '取值不在允许的选项中。',
    en: 'The value is not one of the allowed options.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大。', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型。', en: 'Unsupported content type.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在。', en: 'No such endpoint.' },
  NOT_FOUND: {
    status: 404,
    zh: '记录不存在或无权查看。',
    en: 'The record does not exist or you may not see it.',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; please try again later.',
  },
  CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试。',
    en: 'The record was changed by someone else; reload and try again.',
  },
  INTERNAL_ERROR: {
    status: 500,
    zh: '系统内部错误，操作未生效，请联系管理员（请求编号 {requestId}）。',
    en: 'Internal error; nothing was changed. Contact support (request {requestId}).',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录。', en: 'Please log in.' },
  FORBIDDEN: { status: 403, zh: '您的角色无权执行此操作。', en: 'Your role may not do this.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: '页面已过期，请刷新后重试。',
    en: 'The page has expired; reload and try again.',
  },
  DATA_FOLDER_LOCKED: {
    status: 503,
    zh: '数据目录 {path} 正被进程 {pid} 使用；请先停止该进程，或通过运行中的服务接口操作。',
    en: "The data folder {path} is in use by process {pid}; stop it first, or go through the running server's API.",
  },
});
