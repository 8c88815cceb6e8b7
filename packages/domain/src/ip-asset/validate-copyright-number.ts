import type { ProblemDetail } from '../errors/domain-error.ts';
import { normalizeIdentifierText } from './normalize-identifier-text.ts';

/** National software registration started in 1992, works registration in 1994 (国家版权局). */
const FIRST_SOFTWARE_YEAR = 1992;
const FIRST_WORK_YEAR = 1994;

export interface CopyrightNumberValidation {
  readonly valid: boolean;
  /** `2021SR0805085` or `国作登字-2021-F-00012345`; null when unparseable. */
  readonly normalized: string | null;
  readonly kind: 'software' | 'work' | null;
  readonly registrationYear: number | null;
  /** Works only: the one-letter work category (A 文字, F 美术 …) and the issuing registry (国 national, 粤 …). */
  readonly workCategory: string | null;
  readonly registry: string | null;
  readonly problems: readonly ProblemDetail[];
}

export interface ValidateCopyrightNumberOptions {
  readonly field?: string;
  /** When given, a registration year after this date's year is rejected (the domain never reads the clock). */
  readonly asOfDate?: string;
}

/**
 * 著作权登记号校验 (validate a copyright registration number): software `YYYYSR` + 6–7 digits
 * (`2021SR0805085`, 《计算机软件著作权登记办法》 registration by CPCC) or works `国作登字-YYYY-X-NNNNNNNN`
 * (`国作登字-2021-F-00012345`; provincial registries use their own prefix, e.g. `粤作登字`). Neither carries a
 * check digit, so form and year are all that can be checked (domain-reference.md "Identifiers").
 */
export function validateCopyrightNumber(
  input: string,
  options: ValidateCopyrightNumberOptions = {},
): CopyrightNumberValidation {
  const field = options.field ?? 'registrationNumber';
  const invalid = (problem: ProblemDetail): CopyrightNumberValidation => ({
    valid: false,
    normalized: null,
    kind: null,
    registrationYear: null,
    workCategory: null,
    registry: null,
    problems: [problem],
  });
  if (input.trim() === '') return invalid({ code: 'FIELD_REQUIRED', field });

  const text = normalizeIdentifierText(input);
  const software = /^(\d{4})SR(\d{6,7})$/.exec(text);
  const work = /^(\p{Script=Han})作登字-?(\d{4})-?([A-Z])-?(\d{8})$/u.exec(text);
  if (software === null && work === null)
    return invalid({ code: 'COPYRIGHT_NUMBER_FORMAT_INVALID', field, params: { input: input.trim() } });

  const year = Number(software !== null ? software[1] : work![2]);
  const firstYear = software !== null ? FIRST_SOFTWARE_YEAR : FIRST_WORK_YEAR;
  const lastYear = options.asOfDate === undefined ? Infinity : Number(options.asOfDate.slice(0, 4));
  const problems: ProblemDetail[] = [];
  if (year < firstYear || year > lastYear)
    problems.push({ code: 'COPYRIGHT_REGISTRATION_YEAR_INVALID', field, params: { year } });

  if (software !== null) {
    return {
      valid: problems.length === 0,
      normalized: text,
      kind: 'software',
      registrationYear: year,
      workCategory: null,
      registry: null,
      problems,
    };
  }
  const [, registry, , category, serial] = work!;
  return {
    valid: problems.length === 0,
    normalized: `${registry!}作登字-${year}-${category!}-${serial!}`,
    kind: 'work',
    registrationYear: year,
    workCategory: category!,
    registry: registry!,
    problems,
  };
}
