import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateOrganisationCodeCheckCharacter,
  calculateUsccCheckCharacter,
  isValidUscc,
  validateUscc,
} from './validate-uscc.ts';

describe('validateUscc (GB 32100-2015 with the nested GB 11714 check)', () => {
  it.each(['914403001922038216', '91440300192317458F', '91330201MA282UF146', ' 91330201ma282uf146 '])(
    'accepts the valid code %s',
    (code) => expect(validateUscc(code)).toEqual([]),
  );

  it('rejects a wrong 18th character and names the expected one', () => {
    expect(validateUscc('914403001922038217')).toEqual([
      { code: 'USCC_CHECK_CHARACTER_MISMATCH', field: 'uscc', params: { expected: '6', actual: '7' } },
    ]);
  });

  it('uses GB 11714 letter values (A=10 … Z=35) for the nested check, not the 31-character table', () => {
    expect(calculateOrganisationCodeCheckCharacter('MA282UF1')).toBe('4');
  });

  it('rejects a code whose nested organisation-code check fails even when character 18 is recomputed', () => {
    const body = '91330201MA282UF1' + '9';
    const code = body + calculateUsccCheckCharacter(body)!;
    expect(validateUscc(code).map((p) => p.code)).toEqual(['USCC_ORGANISATION_CODE_CHECK_MISMATCH']);
  });

  it('rejects wrong lengths and forbidden letters I O S V Z', () => {
    expect(validateUscc('91440300192203821')[0]?.code).toBe('USCC_LENGTH_INVALID');
    expect(validateUscc('91440300192203821I')[0]).toMatchObject({
      code: 'USCC_CHARACTER_INVALID',
      params: { position: 18 },
    });
  });

  it('detects every single-character substitution of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (position, shift) => {
        const valid = '91440300192317458F';
        const original = alphabet.indexOf(valid.charAt(position));
        const replaced = alphabet.charAt((original + shift) % 31);
        const mutated = valid.slice(0, position) + replaced + valid.slice(position + 1);
        return !isValidUscc(mutated);
      }),
    );
  });
});
