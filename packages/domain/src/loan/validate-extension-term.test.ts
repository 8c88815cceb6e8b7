import { describe, expect, it } from 'vitest';
import { calculateMaxExtensionMonths, validateExtensionTerm } from './validate-extension-term.ts';

describe('展期上限 (《贷款通则》 art. 12)', () => {
  it('allows a short-term loan its original term, a medium-term loan half of it, a long-term loan 3 years', () => {
    expect(calculateMaxExtensionMonths(6)).toBe(6);
    expect(calculateMaxExtensionMonths(12)).toBe(12);
    expect(calculateMaxExtensionMonths(13)).toBe(6);
    expect(calculateMaxExtensionMonths(36)).toBe(18);
    expect(calculateMaxExtensionMonths(60)).toBe(30);
    expect(calculateMaxExtensionMonths(61)).toBe(36);
    expect(calculateMaxExtensionMonths(120)).toBe(36);
  });

  it('counts earlier extensions against the limit', () => {
    expect(() =>
      validateExtensionTerm({ originalTermMonths: 12, extendedMonthsSoFar: 6, extensionMonths: 6 }),
    ).not.toThrow();
    expect(() =>
      validateExtensionTerm({ originalTermMonths: 12, extendedMonthsSoFar: 6, extensionMonths: 7 }),
    ).toThrow(expect.objectContaining({ code: 'LOAN_EXTENSION_BEYOND_LIMIT' }));
  });
});
