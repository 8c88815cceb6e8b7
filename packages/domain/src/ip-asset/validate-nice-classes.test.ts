import { describe, expect, it } from 'vitest';
import { validateNiceClasses } from './validate-nice-classes.ts';

describe('validateNiceClasses (1–45)', () => {
  it('accepts classes 1 and 45, the bounds', () => expect(validateNiceClasses([1, 9, 45])).toEqual([]));

  it('rejects 0, 46, fractions and duplicates, each at its index', () => {
    expect(validateNiceClasses([0, 46, 9.5, 9, 9]).map((p) => [p.code, p.field])).toEqual([
      ['NICE_CLASS_INVALID', 'niceClasses[0]'],
      ['NICE_CLASS_INVALID', 'niceClasses[1]'],
      ['NICE_CLASS_INVALID', 'niceClasses[2]'],
      ['NICE_CLASS_DUPLICATE', 'niceClasses[4]'],
    ]);
  });

  it('requires at least one class', () => expect(validateNiceClasses([])[0]?.code).toBe('FIELD_REQUIRED'));
});
