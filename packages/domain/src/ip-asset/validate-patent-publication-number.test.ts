import { describe, expect, it } from 'vitest';
import { validatePatentPublicationNumber } from './validate-patent-publication-number.ts';

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
      {
        code: 'PATENT_PUBLICATION_KIND_MISMATCH',
        field: 'publicationNumber',
        params: { kindCode: 'A', digit: '2' },
      },
    ]);
  });

  it('rejects unknown kind codes and the 7-digit pre-2007 form', () => {
    expect(validatePatentPublicationNumber('CN111234567Z').problems[0]?.code).toBe(
      'PATENT_PUBLICATION_KIND_CODE_INVALID',
    );
    expect(validatePatentPublicationNumber('CN1234567A').problems[0]?.code).toBe(
      'PATENT_PUBLICATION_NUMBER_FORMAT_INVALID',
    );
  });
});
