import type { ProblemDetail } from '../errors/domain-error.ts';
import { isNiceClass, NICE_CLASS_MAX, NICE_CLASS_MIN } from './ip-asset-kind.ts';

/**
 * 尼斯分类校验 (validate Nice classes) of a trademark: at least one class, each an integer 1–45, no duplicates
 * (Nice Agreement; 商标法实施条例 art. 13 "一件商标一份申请" allows several classes per application since 2014).
 */
export function validateNiceClasses(classes: readonly number[], field = 'niceClasses'): ProblemDetail[] {
  if (classes.length === 0) return [{ code: 'FIELD_REQUIRED', field }];
  const problems: ProblemDetail[] = [];
  classes.forEach((value, index) => {
    if (!isNiceClass(value)) {
      problems.push({
        code: 'NICE_CLASS_INVALID',
        field: `${field}[${index}]`,
        params: { value, min: NICE_CLASS_MIN, max: NICE_CLASS_MAX },
      });
    } else if (classes.indexOf(value) !== index) {
      problems.push({ code: 'NICE_CLASS_DUPLICATE', field: `${field}[${index}]`, params: { value } });
    }
  });
  return problems;
}
