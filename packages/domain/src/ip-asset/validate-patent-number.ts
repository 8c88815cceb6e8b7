import type { ProblemDetail } from '../errors/domain-error.ts';
import { calculatePatentCheckDigit } from './calculate-patent-check-digit.ts';
import { normalizeIdentifierText } from './normalize-identifier-text.ts';

/**
 * 申请种类 (application kind) from the type digit of an application number: 1 invention, 2 utility model,
 * 3 design, 8 PCT invention entering the national phase, 9 PCT utility model (ZC 0006-2003).
 */
export type PatentApplicationKind =
  'invention' | 'utility_model' | 'design' | 'pct_invention' | 'pct_utility_model';

/** Labels of the application kinds for the UI. */
export const patentApplicationKindLabels: Readonly<
  Record<PatentApplicationKind, { readonly zh: string; readonly en: string }>
> = {
  invention: { zh: '发明', en: 'Invention' },
  utility_model: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design' },
  pct_invention: { zh: 'PCT 发明（进入国家阶段）', en: 'PCT invention (national phase)' },
  pct_utility_model: { zh: 'PCT 实用新型（进入国家阶段）', en: 'PCT utility model (national phase)' },
};

const KIND_BY_TYPE_DIGIT: Readonly<Record<string, PatentApplicationKind>> = {
  '1': 'invention',
  '2': 'utility_model',
  '3': 'design',
  '8': 'pct_invention',
  '9': 'pct_utility_model',
};

/** The 8-digit form starts with CNIPA's first year (1985) and ran until 2003-09-30. */
const FIRST_EIGHT_DIGIT_YEAR = 1985;
const LAST_EIGHT_DIGIT_YEAR = 2003;
/** The 12-digit form starts on 2003-10-01. */
const FIRST_TWELVE_DIGIT_YEAR = 2003;

export interface PatentNumberValidation {
  readonly valid: boolean;
  /** Canonical application number `202010566088.9` / `99113861.9`, without `ZL`; null when unparseable. */
  readonly normalized: string | null;
  readonly format: 'twelve_digit' | 'eight_digit' | null;
  readonly kind: PatentApplicationKind | null;
  readonly filingYear: number | null;
  readonly problems: readonly ProblemDetail[];
}

export interface ValidatePatentNumberOptions {
  /** JSON path reported in problems; default `applicationNumber`. */
  readonly field?: string;
  /** When given, a filing year after this date's year is rejected (the domain never reads the clock). */
  readonly asOfDate?: string;
}

/**
 * 2-digit year of the pre-2003 form → 4 digits: 85–99 are 1985–1999, 00–03 are 2000–2003 (the 8-digit form
 * was used from CNIPA's opening in 1985 until 2003-09-30, so no other reading exists).
 */
function expandTwoDigitYear(yy: number): number {
  return yy >= 85 ? 1900 + yy : 2000 + yy;
}

/**
 * Splits a typed number into body and check character: `ZL`/`CN` prefixes, spaces and full-width characters
 * are tolerated; the dot before the check digit is optional.
 */
function splitPatentNumber(input: string): { body: string; check: string | null } | null {
  const text = normalizeIdentifierText(input).replace(/^(ZL|CN)/, '');
  const dotted = /^(\d+)\.([0-9X])$/.exec(text);
  if (dotted !== null) return { body: dotted[1]!, check: dotted[2]! };
  if (/^(\d{8}|\d{12})$/.test(text)) return { body: text, check: null };
  const undotted = /^(\d{8}|\d{12})([0-9X])$/.exec(text);
  if (undotted !== null) return { body: undotted[1]!, check: undotted[2]! };
  if (/^\d+$/.test(text)) return { body: text, check: null };
  return null;
}

/**
 * 专利申请号/专利号校验 (validate a patent application or patent number) in the 12-digit form
 * `YYYY T NNNNNNN . C` (since 2003-10-01) and the 8-digit form `YY T NNNNN . C` (before), with or without
 * `ZL`/`CN`, dot and spaces. Checks length, type digit, filing year and the check digit
 * (see `calculatePatentCheckDigit`). Source: CNIPA 《专利申请号标准》 ZC 0006-2003.
 * Returns every problem found; `valid` is true when there is none.
 * Example: `ZL 2020 1 0566088.9` → normalized `202010566088.9`, kind `invention`, filing year 2020.
 */
export function validatePatentNumber(
  input: string,
  options: ValidatePatentNumberOptions = {},
): PatentNumberValidation {
  const field = options.field ?? 'applicationNumber';
  const invalid = (problems: ProblemDetail[]): PatentNumberValidation => ({
    valid: false,
    normalized: null,
    format: null,
    kind: null,
    filingYear: null,
    problems,
  });

  if (input.trim() === '') return invalid([{ code: 'FIELD_REQUIRED', field }]);
  const parts = splitPatentNumber(input);
  if (parts === null)
    return invalid([{ code: 'PATENT_NUMBER_FORMAT_INVALID', field, params: { input: input.trim() } }]);
  const { body, check } = parts;
  if (body.length !== 12 && body.length !== 8) {
    return invalid([{ code: 'PATENT_NUMBER_LENGTH_INVALID', field, params: { length: body.length } }]);
  }

  const problems: ProblemDetail[] = [];
  const twelve = body.length === 12;
  const typeDigit = body.charAt(twelve ? 4 : 2);
  const kind = KIND_BY_TYPE_DIGIT[typeDigit] ?? null;
  if (kind === null)
    problems.push({ code: 'PATENT_TYPE_DIGIT_INVALID', field, params: { digit: typeDigit } });

  const filingYear = twelve ? Number(body.slice(0, 4)) : expandTwoDigitYear(Number(body.slice(0, 2)));
  const [minYear, maxYear] = twelve
    ? [FIRST_TWELVE_DIGIT_YEAR, Infinity]
    : [FIRST_EIGHT_DIGIT_YEAR, LAST_EIGHT_DIGIT_YEAR];
  const asOfYear = options.asOfDate === undefined ? Infinity : Number(options.asOfDate.slice(0, 4));
  if (filingYear < minYear || filingYear > Math.min(maxYear, asOfYear)) {
    problems.push({
      code: 'PATENT_FILING_YEAR_INVALID',
      field,
      params: { year: filingYear, format: twelve ? '12' : '8' },
    });
  }

  const expected = calculatePatentCheckDigit(body)!;
  if (check === null) problems.push({ code: 'PATENT_CHECK_DIGIT_MISSING', field, params: { expected } });
  else if (check !== expected)
    problems.push({ code: 'PATENT_CHECK_DIGIT_MISMATCH', field, params: { expected, actual: check } });

  return {
    valid: problems.length === 0,
    normalized: check === null ? body : `${body}.${check}`,
    format: twelve ? 'twelve_digit' : 'eight_digit',
    kind,
    filingYear,
    problems,
  };
}

/** 专利号规范化 (normalise a patent number) to `202010566088.9`; null when it is not a valid number. */
export function normalizePatentNumber(input: string): string | null {
  const result = validatePatentNumber(input);
  return result.valid ? result.normalized : null;
}

/** 专利号 (patent number) as CNIPA prints it: `ZL` + the normalised application number. */
export function formatPatentNumber(normalizedApplicationNumber: string): string {
  return `ZL${normalizedApplicationNumber}`;
}
