import type { ProblemDetail } from '@ipf/domain/errors';
import { validateUscc, type DistrictCode, type IndustryClusterCode, type SizeClass } from '@ipf/domain/party';
import { parseYuan } from '@ipf/domain/money';

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
