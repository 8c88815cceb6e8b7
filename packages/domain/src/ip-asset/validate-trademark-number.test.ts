import { describe, expect, it } from 'vitest';
import { validateTrademarkNumber } from './validate-trademark-number.ts';

describe('validateTrademarkNumber (plain integer of at most 8 digits)', () => {
  it('accepts a registration number as printed on the certificate', () => {
    expect(validateTrademarkNumber('第 12345678 号')).toEqual({
      valid: true,
      normalized: '12345678',
      problems: [],
    });
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
