import { DomainError } from '../errors/index.ts';

/** Input of {@link formatRegistrationNumber}. */
export interface RegistrationNumberInput {
  /** The authority's prefix, e.g. `Y` for CNIPA patent pledges. */
  readonly prefix: string;
  readonly year: number;
  /** Two-digit province code of the pledgee's registration place, e.g. `44` Guangdong. */
  readonly regionCode: string;
  /** The authority's running number for the year, 1–9,999,999, allocated by the caller (a database sequence). */
  readonly sequence: number;
}

/**
 * 登记号 (registration number), deterministic from its inputs: prefix + year + region + 7-digit sequence, e.g.
 * `{ prefix: 'Y', year: 2026, regionCode: '44', sequence: 123 }` → `Y2026440000123` (the shape of CNIPA patent
 * pledge registration numbers). No randomness: the same inputs always give the same number.
 * @throws DomainError('REGISTRATION_NUMBER_INPUT_INVALID', { detail }) for a bad prefix, year, region or sequence.
 */
export function formatRegistrationNumber(input: RegistrationNumberInput): string {
  const { prefix, year, regionCode, sequence } = input;
  if (!/^[A-Z]{1,4}$/.test(prefix))
    throw new DomainError('REGISTRATION_NUMBER_INPUT_INVALID', { detail: `prefix ${prefix}` });
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new DomainError('REGISTRATION_NUMBER_INPUT_INVALID', { detail: `year ${year}` });
  if (!/^\d{2}$/.test(regionCode))
    throw new DomainError('REGISTRATION_NUMBER_INPUT_INVALID', { detail: `region ${regionCode}` });
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999)
    throw new DomainError('REGISTRATION_NUMBER_INPUT_INVALID', { detail: `sequence ${sequence}` });
  return `${prefix}${year}${regionCode}${String(sequence).padStart(7, '0')}`;
}
