import type { ProblemDetail } from '@ipf/domain/errors';
import { validateUscc, type DistrictCode, type IndustryClusterCode, type SizeClass } from '@ipf/domain/party';
import { parseYuan } from '@ipf/domain/money';
import { encryptField } from '../crypto/field-encryption.ts';

/** The editable enterprise profile (R1); money arrives as a yuan decimal string. */
export interface EnterpriseProfileInput {
  readonly name: string;
  readonly uscc: string;
  readonly district: DistrictCode;
  readonly cluster: IndustryClusterCode;
  readonly sizeClass: SizeClass;
  readonly highTech: boolean;
  readonly specialised: boolean;
  readonly firstLoan: boolean;
  readonly preIpo: boolean;
  readonly park?: string | null;
  readonly foundedOn: string;
  readonly employees: number;
  readonly registeredCapitalYuan: string;
  readonly address: string;
  readonly contactName: string;
  readonly contactPhone: string;
}

/** Checks what the schema cannot: both USCC check characters, the capital amount, a founding date not in the future. */
export function validateEnterpriseProfile(input: EnterpriseProfileInput, today: string): ProblemDetail[] {
  const problems: ProblemDetail[] = [...validateUscc(input.uscc, 'uscc')];
  try {
    if (parseYuan(input.registeredCapitalYuan) < 0n)
      problems.push({ code: 'FIELD_OUT_OF_RANGE', field: 'registeredCapitalYuan' });
  } catch {
    problems.push({ code: 'FIELD_INVALID_FORMAT', field: 'registeredCapitalYuan' });
  }
  if (input.foundedOn > today) problems.push({ code: 'FIELD_OUT_OF_RANGE', field: 'foundedOn' });
  if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.contactPhone))
    problems.push({ code: 'FIELD_INVALID_FORMAT', field: 'contactPhone' });
  return problems;
}

/**
 * The editable profile columns of `enterprises`, as both creating and updating write them: text trimmed,
 * capital in fen, contact data encrypted (the credit code and organisation id are set by the caller).
 */
export function toEnterpriseProfileColumns(input: EnterpriseProfileInput, dataKey: Buffer, now: Date) {
  return {
    name: input.name.trim(),
    district: input.district,
    cluster: input.cluster,
    sizeClass: input.sizeClass,
    highTech: input.highTech,
    specialised: input.specialised,
    firstLoan: input.firstLoan,
    preIpo: input.preIpo,
    park: input.park ?? null,
    foundedOn: input.foundedOn,
    employees: input.employees,
    registeredCapitalFen: parseYuan(input.registeredCapitalYuan),
    address: input.address.trim(),
    contactNameEnc: encryptField(input.contactName.trim(), dataKey),
    contactPhoneEnc: encryptField(input.contactPhone.trim(), dataKey),
    updatedAt: now,
  };
}
