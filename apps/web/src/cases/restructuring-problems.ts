import type { ProblemItem } from '../api/api-types.ts';
import type { RestructuringKind } from './build-restructuring-body.ts';

/** What the form needs of a refused 展期/续贷 (an ApiProblem has these). */
export interface RestructuringRefusal {
  readonly code: string;
  readonly detail: string;
  readonly problems: readonly ProblemItem[];
}

/** The form field a coded refusal is about: the months asked for (too many, or past the pledged IP's expiry). */
function fieldOfCode(kind: RestructuringKind, code: string): string | null {
  const months = kind === 'extension' ? 'extensionMonths' : 'termMonths';
  switch (code) {
    case 'LOAN_EXTENSION_BEYOND_LIMIT':
    case 'LOAN_EXTENSION_INVALID':
      return kind === 'extension' ? 'extensionMonths' : null;
    case 'LOAN_TERM_INVALID':
    case 'LOAN_TERM_NOT_MULTIPLE_OF_PERIOD':
      return kind === 'renewal' ? 'termMonths' : null;
    case 'LOAN_MATURITY_AFTER_IP_EXPIRY':
      return months;
    default:
      return null;
  }
}

/**
 * 展期/续贷的字段错误 (the problems of a refused extension or renewal, by form field): a validation answer's own
 * problems as they are (their `field` is the request body's, which the form shares); a refusal the server gives
 * as one code without a field — 《贷款通则》 art. 12's limit on extensions, a term out of range, a new maturity
 * after the pledged IP expires — as one problem on the months field with the server's message. Anything else
 * (arrears, a closed loan, a changed case) has no field: an empty list, and the alert shows it.
 */
export function restructuringProblems(kind: RestructuringKind, refusal: RestructuringRefusal): ProblemItem[] {
  if (refusal.problems.length > 0) return [...refusal.problems];
  const field = fieldOfCode(kind, refusal.code);
  return field === null ? [] : [{ code: refusal.code, field, message: refusal.detail }];
}
