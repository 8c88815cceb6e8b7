import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of money amounts, rates and allocations (parsing and arithmetic preconditions). */
export const moneyErrors = defineErrors({
  MONEY_FORMAT_INVALID: {
    status: 400,
    zh: '金额“{value}”格式不正确：应为以元为单位、最多两位小数的数字，例如 84898.82。',
    en: 'The amount "{value}" is not valid: use yuan with at most two decimals, e.g. 84898.82.',
  },
  RATE_FORMAT_INVALID: {
    status: 400,
    zh: '利率“{value}”格式不正确：应为年化百分数，例如 3.45。',
    en: 'The rate "{value}" is not valid: use an annual percentage, e.g. 3.45.',
  },
  BASIS_POINTS_INVALID: {
    status: 400,
    zh: '基点“{value}”格式不正确：应为整数，例如 -20 或 50。',
    en: 'The basis points "{value}" are not valid: use an integer, e.g. -20 or 50.',
  },
  DIVISION_BY_ZERO: { status: 500, zh: '计算错误：除数为零。', en: 'Calculation error: division by zero.' },
  ALLOCATION_WEIGHTS_INVALID: {
    status: 400,
    zh: '分配比例无效：至少需要一个正数权重，且不得为负数。',
    en: 'Invalid allocation weights: at least one must be positive and none may be negative.',
  },
  ROUNDING_MULTIPLE_INVALID: {
    status: 400,
    zh: '取整单位必须为正数（分），实际为 {value}。',
    en: 'The rounding multiple must be a positive number of fen, not {value}.',
  },
});
