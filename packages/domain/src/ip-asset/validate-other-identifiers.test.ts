import { describe, expect, it } from 'vitest';
import { validateCopyrightNumber } from './validate-copyright-number.ts';
import { validateNiceClasses } from './validate-nice-classes.ts';
import { validatePatentPublicationNumber } from './validate-patent-publication-number.ts';
import { validateTrademarkNumber } from './validate-trademark-number.ts';

describe('validatePatentPublicationNumber (CN + 9 digits + kind code, no check digit)', () => {
  it.each([
    ['CN111234567A', 'invention_application'],
    ['cn 111 234 567 b', 'invention_grant'],
    ['CN211234567U', 'utility_model_grant'],
    ['CN301234567S', 'design_grant'],
    ['CN101234567C1', 'invention_amended'],
  ] as const)('accepts %s as %s', (input, kind) => {
    expect(validatePatentPublicationNumber(input)).toMatchObject({ valid: true, kind, problems: [] });
  });

  it('rejects a kind code that contradicts the first digit (a utility model published as A)', () => {
    expect(validatePatentPublicationNumber('CN211234567A').problems).toEqual([
      { code: 'PATENT_PUBLICATION_KIND_MISMATCH', field: 'publicationNumber', params: { kindCode: 'A', digit: '2' } },
    ]);
  });

  it('rejects unknown kind codes and the 7-digit pre-2007 form', () => {
    expect(validatePatentPublicationNumber('CN111234567Z').problems[0]?.code).toBe('PATENT_PUBLICATION_KIND_CODE_INVALID');
    expect(validatePatentPublicationNumber('CN1234567A').problems[0]?.code).toBe('PATENT_PUBLICATION_NUMBER_FORMAT_INVALID');
  });
});

describe('validateTrademarkNumber (plain integer of at most 8 digits)', () => {
  it('accepts a registration number as printed on the certificate', () => {
    expect(validateTrademarkNumber('第 12345678 号')).toEqual({ valid: true, normalized: '12345678', problems: [] });
    expect(validateTrademarkNumber('７６５４３２１').normalized).toBe('7654321');
  });

  it('rejects letters, a leading zero and more than 8 digits', () => {
    expect(validateTrademarkNumber('1234A678').problems[0]?.code).toBe('TRADEMARK_NUMBER_FORMAT_INVALID');
    expect(validateTrademarkNumber('01234567').problems[0]?.code).toBe('TRADEMARK_NUMBER_LENGTH_INVALID');
    expect(validateTrademarkNumber('123456789').problems).toEqual([
      { code: 'TRADEMARK_NUMBER_LENGTH_INVALID', field: 'registrationNumber', params: { length: 9, max: 8 } },
    ]);
  });
});

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

describe('validateCopyrightNumber (software YYYYSR + 6–7 digits; works 国作登字-YYYY-X-NNNNNNNN)', () => {
  it('accepts the software registration number 2021SR0805085', () => {
    expect(validateCopyrightNumber('2021sr0805085')).toMatchObject({ valid: true, normalized: '2021SR0805085', kind: 'software', registrationYear: 2021 });
  });

  it('accepts 6-digit software serials of earlier years', () => {
    expect(validateCopyrightNumber('2012SR123456').valid).toBe(true);
  });

  it('accepts a works number and normalises full-width dashes and spaces', () => {
    expect(validateCopyrightNumber('国作登字－2021－F－00012345 ')).toMatchObject({
      valid: true, normalized: '国作登字-2021-F-00012345', kind: 'work', workCategory: 'F', registry: '国',
    });
  });

  it('accepts a provincial works number (粤作登字)', () => {
    expect(validateCopyrightNumber('粤作登字-2018-A-00001234')).toMatchObject({ valid: true, registry: '粤' });
  });

  it('rejects a software serial of 5 or 8 digits and a works serial of 7', () => {
    for (const input of ['2021SR08050', '2021SR08050851', '国作登字-2021-F-0001234']) {
      expect(validateCopyrightNumber(input).problems[0]?.code).toBe('COPYRIGHT_NUMBER_FORMAT_INVALID');
    }
  });

  it('rejects a year before registration began or after the as-of date', () => {
    expect(validateCopyrightNumber('1985SR123456').problems[0]?.code).toBe('COPYRIGHT_REGISTRATION_YEAR_INVALID');
    expect(validateCopyrightNumber('2031SR1234567', { asOfDate: '2026-05-01' }).problems[0]).toEqual({
      code: 'COPYRIGHT_REGISTRATION_YEAR_INVALID', field: 'registrationNumber', params: { year: 2031 },
    });
  });
});
