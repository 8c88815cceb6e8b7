import ExcelJS from 'exceljs';
import { ipAssetFlags, ipAssetKinds, ipLegalStatuses } from '@ipf/domain/ip-asset';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { ipAssetImportColumns } from './ip-asset-import-columns.ts';
import type { ImportFileFormat } from './read-import-rows.ts';

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * 导入模板 (import template): CSV — the header line only (UTF-8 with BOM, so Excel opens it in Chinese); xlsx —
 * a data sheet with the header and, on a second sheet, every column with its meaning, an example, and the
 * allowed kinds, statuses and flags in the requested language.
 */
export async function createIpAssetImportTemplate(
  format: ImportFileFormat,
  language: 'zh-CN' | 'en',
  actor: Actor,
): Promise<Buffer> {
  authorize(actor, 'ip_asset.import');
  const label = (item: { zh: string; en: string }) => (language === 'en' ? item.en : item.zh);
  if (format === 'csv')
    return Buffer.from(`\uFEFF${ipAssetImportColumns.map((c) => csvCell(c.key)).join(',')}\r\n`, 'utf8');

  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(language === 'en' ? 'Assets' : '知识产权');
  data.columns = ipAssetImportColumns.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(14, c.key.length + 4),
  }));
  data.getRow(1).font = { bold: true };
  ipAssetImportColumns.forEach((c, index) => {
    data.getCell(1, index + 1).note =
      `${label(c)}${c.required ? (language === 'en' ? ' (required)' : '（必填）') : ''}`;
  });
  const help = workbook.addWorksheet(language === 'en' ? 'Instructions' : '填写说明');
  help.columns = [{ width: 26 }, { width: 30 }, { width: 12 }, { width: 40 }];
  help.addRow(
    language === 'en' ? ['Column', 'Meaning', 'Required', 'Example'] : ['列', '含义', '必填', '示例'],
  ).font = { bold: true };
  for (const c of ipAssetImportColumns) help.addRow([c.key, label(c), c.required ? '✓' : '', c.example]);
  help.addRow([]);
  help.addRow([language === 'en' ? 'kind' : '类型 kind']).font = { bold: true };
  for (const k of ipAssetKinds) help.addRow([k.code, label(k)]);
  help.addRow([]);
  help.addRow([language === 'en' ? 'legalStatus' : '法律状态 legalStatus']).font = { bold: true };
  for (const s of ipLegalStatuses) help.addRow([s.code, label(s)]);
  help.addRow([]);
  help.addRow([language === 'en' ? 'flags (separate with ;)' : '状态标记 flags（多个用 ; 分隔）']).font = {
    bold: true,
  };
  for (const f of ipAssetFlags) help.addRow([f.code, label(f)]);
  help.addRow([]);
  help.addRow([
    language === 'en'
      ? 'Dates are YYYY-MM-DD. Re-importing the same rows changes nothing.'
      : '日期格式 YYYY-MM-DD。重复导入同一号码不会重复登记。',
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
