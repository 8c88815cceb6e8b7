import { describe, expect, it } from 'vitest';
import {
  calculateOrganisationCodeCheckCharacter,
  calculateUsccCheckCharacter,
} from '../party/validate-uscc.ts';
import {
  mapComplianceFlagImportHeader,
  parseComplianceFlagImport,
  parseComplianceFlagKind,
} from './parse-compliance-flag-import.ts';

/** A USCC valid by both check characters, from an 8-character organisation code body. */
function uscc(body: string): string {
  const first17 = `91440300${body}${calculateOrganisationCodeCheckCharacter(body)}`;
  return `${first17}${calculateUsccCheckCharacter(first17)}`;
}

const header = ['统一社会信用代码', '标记类型', '来源机关', '文号', '列入日期', '备注'];
const { columns } = mapComplianceFlagImportHeader(header);
const parse = (cells: string[][]) =>
  parseComplianceFlagImport(
    cells.map((c, i) => ({ rowNumber: i + 2, cells: c })),
    columns,
    '2026-03-02',
  );

describe('parseComplianceFlagImport', () => {
  it("reads kinds by code, Chinese or English name, and the lists' date formats", () => {
    expect(parseComplianceFlagKind('经营异常名录')).toBe('abnormal_operation');
    expect(parseComplianceFlagKind(' 失信被执行人 ')).toBe('dishonest_debtor');
    expect(parseComplianceFlagKind('Tax violation')).toBe('tax_violation');
    expect(parseComplianceFlagKind('platform_default')).toBeNull();
    const { flags, problems } = parse([
      [uscc('MA5GX7P1').toLowerCase(), '侵权判决', '深圳中院', '（2026）粤03民初1号', '2026年2月6日', ''],
      [uscc('MA5GX7P2'), 'serious_dishonesty', '市监局', '深市监严〔2026〕4号', '2026/3/2', ' 备注 '],
    ]);
    expect(problems).toEqual([]);
    expect(flags.map((f) => [f.rowNumber, f.uscc, f.kind, f.effectiveOn, f.note])).toEqual([
      [2, uscc('MA5GX7P1'), 'ip_infringement', '2026-02-06', null],
      [3, uscc('MA5GX7P2'), 'serious_dishonesty', '2026-03-02', '备注'],
    ]);
  });

  it('lists every problem of a row by column, and a later row repeating an enterprise and kind', () => {
    const { flags, problems } = parse([
      [uscc('MA5GX7P1'), '经营异常', '市监局', '文号1', '2026-01-01'],
      ['12345', '约谈', '', '文号2', '2026-02-30'],
      [uscc('MA5GX7P1'), 'abnormal_operation', '市监局', '文号3', '2026-03-03'],
    ]);
    expect(flags.map((f) => f.rowNumber)).toEqual([2]);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['rows[3].uscc', 'USCC_LENGTH_INVALID'],
      ['rows[3].kind', 'COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN'],
      ['rows[3].sourceAuthority', 'COMPLIANCE_FLAG_IMPORT_VALUE_REQUIRED'],
      ['rows[3].effectiveOn', 'COMPLIANCE_FLAG_IMPORT_DATE_INVALID'],
      ['rows[4].effectiveOn', 'COMPLIANCE_FLAG_DATE_IN_FUTURE'],
      ['rows[4].uscc', 'COMPLIANCE_FLAG_IMPORT_DUPLICATE_ROW'],
    ]);
  });

  it('names the required columns a header lacks', () => {
    expect(mapComplianceFlagImportHeader(['USCC', 'kind', '文号']).missing).toEqual([
      'sourceAuthority',
      'effectiveOn',
    ]);
  });
});
