import { describe, expect, it } from 'vitest';
import { complianceFlagImportColumns, mapComplianceFlagImportHeader } from '@ipf/domain/whitelist';
import { createComplianceFlagImportTemplate } from './compliance-flag-import-template.ts';
import { toComplianceFlagImportProblemRows } from './compliance-flag-import-problems.ts';

describe('compliance flag import dialog', () => {
  it('offers a template whose header the server maps to every column, in either language', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const template = createComplianceFlagImportTemplate(language);
      expect(template.startsWith('\uFEFF')).toBe(true);
      const cells = template.slice(1).trimEnd().split(',');
      const { columns, missing } = mapComplianceFlagImportHeader(cells);
      expect(missing).toEqual([]);
      expect([...columns.keys()]).toEqual(complianceFlagImportColumns.map((c) => c.key));
    }
    expect(createComplianceFlagImportTemplate('zh-CN')).toContain('统一社会信用代码,标记类型');
  });

  it('lists each problem by row number and column label, sorted by row, a file problem without a row', () => {
    const rows = toComplianceFlagImportProblemRows(
      [
        { code: 'COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN', field: 'rows[12].kind', message: '第 12 行标记类型…' },
        { code: 'USCC_CHECK_CHARACTER_MISMATCH', field: 'rows[3].uscc', message: '校验位错误' },
        { code: 'COMPLIANCE_FLAG_IMPORT_EMPTY', field: 'file', message: '没有数据行' },
      ],
      'zh-CN',
    );
    expect(rows.map((r) => [r.rowNumber, r.column, r.code])).toEqual([
      [null, '', 'COMPLIANCE_FLAG_IMPORT_EMPTY'],
      [3, '统一社会信用代码', 'USCC_CHECK_CHARACTER_MISMATCH'],
      [12, '标记类型', 'COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN'],
    ]);
    const en = toComplianceFlagImportProblemRows(
      [{ code: 'X', field: 'rows[2].effectiveOn', message: 'm' }],
      'en',
    );
    expect(en[0]!.column).toBe('Effective on');
  });
});
