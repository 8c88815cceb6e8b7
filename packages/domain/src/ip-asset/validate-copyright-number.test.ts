import { describe, expect, it } from 'vitest';
import { validateCopyrightNumber } from './validate-copyright-number.ts';

describe('validateCopyrightNumber (software YYYYSR + 6–7 digits; works 国作登字-YYYY-X-NNNNNNNN)', () => {
  it('accepts the software registration number 2021SR0805085', () => {
    expect(validateCopyrightNumber('2021sr0805085')).toMatchObject({
      valid: true,
      normalized: '2021SR0805085',
      kind: 'software',
      registrationYear: 2021,
    });
  });

  it('accepts 6-digit software serials of earlier years', () => {
    expect(validateCopyrightNumber('2012SR123456').valid).toBe(true);
  });

  it('accepts a works number and normalises full-width dashes and spaces', () => {
    expect(validateCopyrightNumber('国作登字－2021－F－00012345 ')).toMatchObject({
      valid: true,
      normalized: '国作登字-2021-F-00012345',
      kind: 'work',
      workCategory: 'F',
      registry: '国',
    });
  });

  it('accepts a provincial works number (粤作登字)', () => {
    expect(validateCopyrightNumber('粤作登字-2018-A-00001234')).toMatchObject({
      valid: true,
      registry: '粤',
    });
  });

  it('rejects a software serial of 5 or 8 digits and a works serial of 7', () => {
    for (const input of ['2021SR08050', '2021SR08050851', '国作登字-2021-F-0001234']) {
      expect(validateCopyrightNumber(input).problems[0]?.code).toBe('COPYRIGHT_NUMBER_FORMAT_INVALID');
    }
  });

  it('rejects a year before registration began or after the as-of date', () => {
    expect(validateCopyrightNumber('1985SR123456').problems[0]?.code).toBe(
      'COPYRIGHT_REGISTRATION_YEAR_INVALID',
    );
    expect(validateCopyrightNumber('2031SR1234567', { asOfDate: '2026-05-01' }).problems[0]).toEqual({
      code: 'COPYRIGHT_REGISTRATION_YEAR_INVALID',
      field: 'registrationNumber',
      params: { year: 2031 },
    });
  });
});
