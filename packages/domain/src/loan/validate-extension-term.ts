import { DomainError } from '../errors/index.ts';

/**
 * 展期上限 (the longest cumulative extension) of a loan of `termMonths`, 《贷款通则》(1996) art. 12: a short-term
 * loan (≤ 12 months) may be extended by at most its original term in total, a medium-term loan (13–60 months)
 * by at most half of it (rounded down to whole months), a long-term loan (> 60 months) by at most 36 months.
 * Example: 12 months → 12; 36 months → 18; 120 months → 36.
 */
export function calculateMaxExtensionMonths(termMonths: number): number {
  if (termMonths <= 12) return termMonths;
  if (termMonths <= 60) return Math.floor(termMonths / 2);
  return 36;
}

/**
 * 展期期限校验 (check an extension against art. 12 of 《贷款通则》): the months already extended plus this extension
 * stay within {@link calculateMaxExtensionMonths} of the original term.
 * @throws DomainError('LOAN_EXTENSION_BEYOND_LIMIT')
 */
export function validateExtensionTerm(input: {
  readonly originalTermMonths: number;
  readonly extendedMonthsSoFar: number;
  readonly extensionMonths: number;
}): void {
  const maxMonths = calculateMaxExtensionMonths(input.originalTermMonths);
  const requestedMonths = input.extendedMonthsSoFar + input.extensionMonths;
  if (requestedMonths > maxMonths)
    throw new DomainError('LOAN_EXTENSION_BEYOND_LIMIT', {
      requestedMonths,
      maxMonths,
      termMonths: input.originalTermMonths,
    });
}
