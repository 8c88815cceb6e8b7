import type { ProblemDetail } from '../errors/domain-error.ts';
import { normalizeIdentifierText } from './normalize-identifier-text.ts';

/**
 * 文献种类 (document kind) of a Chinese patent publication by its kind code (GB/T 7588 / CNIPA practice since
 * 2010): A invention application published, B invention granted, C invention amended after invalidation,
 * U utility model granted, Y utility model amended, S design granted.
 */
export type PatentPublicationKind =
  | 'invention_application'
  | 'invention_grant'
  | 'invention_amended'
  | 'utility_model_grant'
  | 'utility_model_amended'
  | 'design_grant';

const KIND_BY_CODE_LETTER: Readonly<Record<string, { kind: PatentPublicationKind; typeDigit: string }>> = {
  A: { kind: 'invention_application', typeDigit: '1' },
  B: { kind: 'invention_grant', typeDigit: '1' },
  C: { kind: 'invention_amended', typeDigit: '1' },
  U: { kind: 'utility_model_grant', typeDigit: '2' },
  Y: { kind: 'utility_model_amended', typeDigit: '2' },
  S: { kind: 'design_grant', typeDigit: '3' },
};

export interface PatentPublicationNumberValidation {
  readonly valid: boolean;
  /** `CN111234567A`; null when unparseable. */
  readonly normalized: string | null;
  readonly kind: PatentPublicationKind | null;
  readonly problems: readonly ProblemDetail[];
}

/**
 * 专利公布/公告号校验 (validate a patent publication number): `CN` + 9 digits + kind code (A, B, C, U, Y, S,
 * optionally followed by one digit, e.g. `A8`, `C1`). Publication numbers carry no check digit, so only the
 * form and the agreement of the first serial digit (1 invention, 2 utility model, 3 design) with the kind code
 * can be checked. Source: CNIPA numbering of patent documents (domain-reference.md "Identifiers").
 * Example: `CN 111 234 567 A` → `CN111234567A`, kind `invention_application`.
 */
export function validatePatentPublicationNumber(
  input: string,
  field = 'publicationNumber',
): PatentPublicationNumberValidation {
  if (input.trim() === '')
    return { valid: false, normalized: null, kind: null, problems: [{ code: 'FIELD_REQUIRED', field }] };
  const text = normalizeIdentifierText(input);
  const match = /^CN(\d{9})([A-Z])(\d?)$/.exec(text);
  if (match === null) {
    return {
      valid: false,
      normalized: null,
      kind: null,
      problems: [
        { code: 'PATENT_PUBLICATION_NUMBER_FORMAT_INVALID', field, params: { input: input.trim() } },
      ],
    };
  }

  const serial = match[1]!;
  const letter = match[2]!;
  const entry = KIND_BY_CODE_LETTER[letter];
  if (entry === undefined) {
    return {
      valid: false,
      normalized: text,
      kind: null,
      problems: [
        { code: 'PATENT_PUBLICATION_KIND_CODE_INVALID', field, params: { kindCode: letter + match[3]! } },
      ],
    };
  }
  const problems: ProblemDetail[] = [];
  if (serial.charAt(0) !== entry.typeDigit) {
    problems.push({
      code: 'PATENT_PUBLICATION_KIND_MISMATCH',
      field,
      params: { kindCode: letter, digit: serial.charAt(0) },
    });
  }
  return { valid: problems.length === 0, normalized: text, kind: entry.kind, problems };
}
