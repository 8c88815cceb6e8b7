import { formatYuan } from '@ipf/domain/money';
import type { tables } from '@ipf/db';
import { decryptField } from '../crypto/field-encryption.ts';

export interface EnterpriseSummary {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly district: string;
  readonly cluster: string;
  readonly sizeClass: string;
  readonly highTech: boolean;
  readonly specialised: boolean;
  readonly firstLoan: boolean;
  readonly preIpo: boolean;
  readonly park: string | null;
}

export interface EnterpriseDetail extends EnterpriseSummary {
  readonly foundedOn: string;
  readonly employees: number;
  /** Yuan decimal string on the wire (`"5000000.00"`). */
  readonly registeredCapitalYuan: string;
  readonly address: string;
  /** Personal data, masked: `张*`, `138****5678`. */
  readonly contactName: string;
  readonly contactPhone: string;
}

type EnterpriseRow = typeof tables.enterprises.$inferSelect;

export function toEnterpriseSummary(row: EnterpriseRow): EnterpriseSummary {
  return {
    id: row.organisationId,
    name: row.name,
    uscc: row.uscc,
    district: row.district,
    cluster: row.cluster,
    sizeClass: row.sizeClass,
    highTech: row.highTech,
    specialised: row.specialised,
    firstLoan: row.firstLoan,
    preIpo: row.preIpo,
    park: row.park,
  };
}

/** 个人信息脱敏: keep the surname; keep a phone number's first 3 and last 4 digits. */
export function maskName(name: string): string {
  return name.length <= 1 ? '*' : `${name.charAt(0)}${'*'.repeat(name.length - 1)}`;
}

export function maskPhone(phone: string): string {
  return phone.length < 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function toEnterpriseDetail(row: EnterpriseRow, dataKey: Buffer): EnterpriseDetail {
  return {
    ...toEnterpriseSummary(row),
    foundedOn: row.foundedOn,
    employees: row.employees,
    registeredCapitalYuan: formatYuan(row.registeredCapitalFen),
    address: row.address,
    contactName: maskName(decryptField(row.contactNameEnc, dataKey)),
    contactPhone: maskPhone(decryptField(row.contactPhoneEnc, dataKey)),
  };
}
