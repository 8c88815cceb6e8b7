import type { ProblemDetail } from '../errors/domain-error.ts';
import { normalizeIdentifierText } from './normalize-identifier-text.ts';

/** Trademark registration numbers have 1–8 digits today (7–8 for recent marks); they carry no check digit. */
const MAX_TRADEMARK_NUMBER_DIGITS = 8;

export interface TrademarkNumberValidation {
  readonly valid: boolean;
  /** Digits only, no leading zero: `12345678`; null when unparseable. */
  readonly normalized: string | null;
  readonly problems: readonly ProblemDetail[];
}

/**
 * 商标注册号校验 (validate a trademark registration number): a plain positive integer of at most 8 digits
 * as printed on the certificate (`第12345678号` is accepted). No check digit exists, so a mistyped digit can
 * only be caught against the register. Source: CNIPA trademark register (domain-reference.md "Identifiers").
 */
export function validateTrademarkNumber(
  input: string,
  field = 'registrationNumber',
): TrademarkNumberValidation {
  if (input.trim() === '')
    return { valid: false, normalized: null, problems: [{ code: 'FIELD_REQUIRED', field }] };
  const text = normalizeIdentifierText(input).replace(/^第(.*)号$/, '$1');
  if (!/^\d+$/.test(text)) {
    return {
      valid: false,
      normalized: null,
      problems: [{ code: 'TRADEMARK_NUMBER_FORMAT_INVALID', field, params: { input: input.trim() } }],
    };
  }
  if (text.length > MAX_TRADEMARK_NUMBER_DIGITS || /^0/.test(text)) {
    return {
      valid: false,
      normalized: null,
      problems: [
        {
          code: 'TRADEMARK_NUMBER_LENGTH_INVALID',
          field,
          params: { length: text.length, max: MAX_TRADEMARK_NUMBER_DIGITS },
        },
      ],
    };
  }
  return { valid: true, normalized: text, problems: [] };
}
