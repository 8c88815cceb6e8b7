import type { ProblemDetail } from '../errors/domain-error.ts';

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z), in value order. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100 weights for characters 1–17: 3^(i−1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights for the organisation code's characters 1–8 (USCC characters 9–16). */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * 统一社会信用代码校验位 (GB 32100-2015 check character) for the first 17 characters:
 * `C18 = (31 − Σ value·weight mod 31) mod 31`, values being indexes in the 31-character set.
 * Returns null when a character is outside that set.
 */
export function calculateUsccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * 组织机构代码校验码 (GB 11714-1997) for an 8-character organisation code body: values 0–9 and A=10 … Z=35
 * (GB 11714's own letter values, not the USCC table), `c = 11 − (Σ mod 11)`, 10 → X, 11 → 0.
 * Example: `MA282UF1` → `4` (so `91330201MA282UF146` is valid).
 */
export function calculateOrganisationCodeCheckCharacter(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const value = Number.parseInt(body8.charAt(i), 36);
    if (Number.isNaN(value)) return null;
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Upper-cases and strips spaces, the only normalisation a typed code needs. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * Validates a unified social credit code: length, alphabet, the nested GB 11714 check on characters 9–17
 * and the GB 32100 check character 18. Returns every problem found (empty when valid).
 */
export function validateUscc(input: string, field = 'uscc'): ProblemDetail[] {
  const code = normalizeUscc(input);
  if (code.length !== 18) return [{ code: 'USCC_LENGTH_INVALID', field, params: { length: code.length } }];

  const badIndex = [...code].findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (badIndex >= 0) {
    return [
      {
        code: 'USCC_CHARACTER_INVALID',
        field,
        params: { position: badIndex + 1, character: code.charAt(badIndex) },
      },
    ];
  }

  const problems: ProblemDetail[] = [];
  const orgCheck = calculateOrganisationCodeCheckCharacter(code.slice(8, 16));
  if (orgCheck !== code.charAt(16)) {
    problems.push({
      code: 'USCC_ORGANISATION_CODE_CHECK_MISMATCH',
      field,
      params: { expected: orgCheck ?? '?', actual: code.charAt(16) },
    });
  }
  const check = calculateUsccCheckCharacter(code.slice(0, 17));
  if (check !== code.charAt(17)) {
    problems.push({
      code: 'USCC_CHECK_CHARACTER_MISMATCH',
      field,
      params: { expected: check ?? '?', actual: code.charAt(17) },
    });
  }
  return problems;
}

/** True when `validateUscc` finds no problem. */
export function isValidUscc(input: string): boolean {
  return validateUscc(input).length === 0;
}
