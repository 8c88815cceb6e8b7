import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import { formatRegistrationNumber } from './format-registration-number.ts';

describe('formatRegistrationNumber', () => {
  it('forms prefix + year + region + 7-digit sequence: Y2026440000123', () => {
    expect(formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '44', sequence: 123 })).toBe(
      'Y2026440000123',
    );
  });

  it('refuses a sequence outside 1–9,999,999 and a malformed region', () => {
    expect(() =>
      formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '44', sequence: 0 }),
    ).toThrow(DomainError);
    expect(() =>
      formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '44', sequence: 10_000_000 }),
    ).toThrow(DomainError);
    expect(() => formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '4', sequence: 1 })).toThrow(
      DomainError,
    );
  });

  it('property: distinct sequences give distinct numbers of the same length (deterministic, no randomness)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 }), (a, b) => {
        const x = formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '44', sequence: a });
        const y = formatRegistrationNumber({ prefix: 'Y', year: 2026, regionCode: '44', sequence: b });
        expect(x.length).toBe(14);
        expect(x === y).toBe(a === b);
      }),
    );
  });
});
