import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculatePatentCheckDigit } from './calculate-patent-check-digit.ts';
import { formatPatentNumber, normalizePatentNumber, validatePatentNumber } from './validate-patent-number.ts';

/** Patent numbers printed on public pages (certificates, product pages, CVs), all granted. */
const REAL_PATENT_NUMBERS = [
  { input: 'ZL202010566088.9', normalized: '202010566088.9', kind: 'invention', filingYear: 2020 },
  { input: 'ZL99113861.9', normalized: '99113861.9', kind: 'invention', filingYear: 1999 },
  { input: 'ZL2015 1 0958772.0', normalized: '201510958772.0', kind: 'invention', filingYear: 2015 },
  { input: 'ZL2005 10096239.4', normalized: '200510096239.4', kind: 'invention', filingYear: 2005 },
  { input: 'ZL202322865413.3', normalized: '202322865413.3', kind: 'utility_model', filingYear: 2023 },
  { input: 'ZL201811564288.X', normalized: '201811564288.X', kind: 'invention', filingYear: 2018 },
  { input: 'ZL201911296074.3', normalized: '201911296074.3', kind: 'invention', filingYear: 2019 },
  { input: 'ZL201811088661.9', normalized: '201811088661.9', kind: 'invention', filingYear: 2018 },
] as const;

describe('validatePatentNumber (ZC 0006-2003 application numbers)', () => {
  it.each(REAL_PATENT_NUMBERS)(
    'accepts the real patent number $input',
    ({ input, normalized, kind, filingYear }) => {
      expect(validatePatentNumber(input)).toEqual({
        valid: true,
        normalized,
        format: expect.any(String) as string,
        kind,
        filingYear,
        problems: [],
      });
    },
  );

  it.each([
    '202010566088.9',
    'CN202010566088.9',
    'zl 2020 1056 6088.9',
    '2020105660889',
    'ＺＬ２０２０１０５６６０８８．９',
    'ZL202010566088。9',
  ])('normalises %s (prefix, spaces, missing dot, full-width typing) to 202010566088.9', (input) =>
    expect(normalizePatentNumber(input)).toBe('202010566088.9'),
  );

  it('reads an 8-digit pre-2003 number with its 2-digit year as 19xx', () => {
    expect(validatePatentNumber('99113861.9')).toMatchObject({
      valid: true,
      format: 'eight_digit',
      filingYear: 1999,
      kind: 'invention',
    });
  });

  it('reads 2-digit years 00–03 as 2000–2003, the last years of the 8-digit form', () => {
    const body = '02100001';
    expect(validatePatentNumber(`${body}.${calculatePatentCheckDigit(body)!}`)).toMatchObject({
      valid: true,
      filingYear: 2002,
    });
  });

  it('rejects a mistyped check digit and names the expected one', () => {
    expect(validatePatentNumber('ZL202010566088.8').problems).toEqual([
      {
        code: 'PATENT_CHECK_DIGIT_MISMATCH',
        field: 'applicationNumber',
        params: { expected: '9', actual: '8' },
      },
    ]);
  });

  it('rejects two transposed digits of a real number (ZL202010566808.9)', () => {
    expect(validatePatentNumber('ZL202010566808.9').problems.map((p) => p.code)).toEqual([
      'PATENT_CHECK_DIGIT_MISMATCH',
    ]);
  });

  it('rejects a dropped digit as a wrong length', () => {
    expect(validatePatentNumber('ZL20201056608.9').problems).toEqual([
      { code: 'PATENT_NUMBER_LENGTH_INVALID', field: 'applicationNumber', params: { length: 11 } },
    ]);
  });

  it('reports a missing check digit with the digit the number computes to', () => {
    expect(validatePatentNumber('202010566088').problems).toEqual([
      { code: 'PATENT_CHECK_DIGIT_MISSING', field: 'applicationNumber', params: { expected: '9' } },
    ]);
  });

  it('rejects type digits other than 1, 2, 3, 8 and 9', () => {
    const body = '202050566088';
    expect(validatePatentNumber(`${body}.${calculatePatentCheckDigit(body)!}`).problems).toEqual([
      { code: 'PATENT_TYPE_DIGIT_INVALID', field: 'applicationNumber', params: { digit: '5' } },
    ]);
  });

  it('reads type digits 8 and 9 as PCT national-phase invention and utility model', () => {
    for (const [digit, kind] of [
      ['8', 'pct_invention'],
      ['9', 'pct_utility_model'],
      ['3', 'design'],
    ] as const) {
      const body = `2019${digit}0012345`;
      expect(validatePatentNumber(`${body}.${calculatePatentCheckDigit(body)!}`).kind).toBe(kind);
    }
  });

  it('rejects a 12-digit number dated before 2003, when the 12-digit form began', () => {
    const body = '199810012345';
    expect(
      validatePatentNumber(`${body}.${calculatePatentCheckDigit(body)!}`).problems.map((p) => p.code),
    ).toEqual(['PATENT_FILING_YEAR_INVALID']);
  });

  it('rejects an 8-digit number whose year is between 2004 and 1984', () => {
    const body = '50100001';
    expect(
      validatePatentNumber(`${body}.${calculatePatentCheckDigit(body)!}`).problems.map((p) => p.code),
    ).toEqual(['PATENT_FILING_YEAR_INVALID']);
  });

  it('rejects a filing year after the as-of date only when one is given', () => {
    const body = '203010012345';
    const number = `${body}.${calculatePatentCheckDigit(body)!}`;
    expect(validatePatentNumber(number).valid).toBe(true);
    expect(validatePatentNumber(number, { asOfDate: '2026-01-01' }).problems.map((p) => p.code)).toEqual([
      'PATENT_FILING_YEAR_INVALID',
    ]);
  });

  it('reports every problem at once: bad type digit, bad year and wrong check digit', () => {
    expect(validatePatentNumber('199850012345.1').problems.map((p) => p.code)).toEqual([
      'PATENT_TYPE_DIGIT_INVALID',
      'PATENT_FILING_YEAR_INVALID',
      'PATENT_CHECK_DIGIT_MISMATCH',
    ]);
  });

  it('rejects empty input and letters in the body', () => {
    expect(validatePatentNumber('  ').problems).toEqual([
      { code: 'FIELD_REQUIRED', field: 'applicationNumber' },
    ]);
    expect(validatePatentNumber('ZL2020A0566088.9', { field: 'rows[3].number' }).problems).toEqual([
      {
        code: 'PATENT_NUMBER_FORMAT_INVALID',
        field: 'rows[3].number',
        params: { input: 'ZL2020A0566088.9' },
      },
    ]);
  });

  it('formats the patent number as ZL + application number', () => {
    expect(formatPatentNumber('202010566088.9')).toBe('ZL202010566088.9');
  });
});

describe('calculatePatentCheckDigit (weights 2,3,4,5,6,7,8,9,2,3,4,5; Σ mod 11; 10 → X)', () => {
  it('computes the check digits of the reference numbers', () => {
    expect(calculatePatentCheckDigit('202010566088')).toBe('9');
    expect(calculatePatentCheckDigit('99113861')).toBe('9');
    expect(calculatePatentCheckDigit('201811564288')).toBe('X');
  });

  it('returns null for a body that is not 8 or 12 digits', () => {
    expect(calculatePatentCheckDigit('2020105660')).toBeNull();
    expect(calculatePatentCheckDigit('2020105660X8')).toBeNull();
  });

  const validNumber = fc
    .tuple(
      fc.integer({ min: 2003, max: 2099 }),
      fc.constantFrom('1', '2', '3', '8', '9'),
      fc.integer({ min: 0, max: 9_999_999 }),
    )
    .map(([year, type, serial]) => `${year}${type}${String(serial).padStart(7, '0')}`)
    .map((body) => `${body}.${calculatePatentCheckDigit(body)!}`);

  it('makes every generated 12-digit number valid', () => {
    fc.assert(fc.property(validNumber, (number) => validatePatentNumber(number).valid));
  });

  it('detects every single changed digit, because every weight is non-zero modulo the prime 11', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (number, position, shift) => {
          const index = position === 12 ? 13 : position; // position 12 is the check digit after the dot
          const original = number.charAt(index);
          const replaced = original === 'X' ? String(shift) : String((Number(original) + shift) % 10);
          const mutated = number.slice(0, index) + replaced + number.slice(index + 1);
          return !validatePatentNumber(mutated).valid;
        },
      ),
    );
  });

  it('detects every single changed digit of an 8-digit number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (index, shift) => {
        const mutated =
          '99113861.9'.slice(0, index) +
          String((Number('99113861'.charAt(index)) + shift) % 10) +
          '99113861.9'.slice(index + 1);
        return validatePatentNumber(mutated).problems.some((p) => p.code === 'PATENT_CHECK_DIGIT_MISMATCH');
      }),
    );
  });
});
