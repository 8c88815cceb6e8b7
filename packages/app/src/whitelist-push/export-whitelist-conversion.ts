import ExcelJS from 'exceljs';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { findWhitelistConversion, type WhitelistConversionRow } from './find-whitelist-conversion.ts';

const SHEETS = [
  { key: 'byBank', zh: '按银行', en: 'By bank', columnZh: '银行', columnEn: 'Bank' },
  { key: 'byDistrict', zh: '按区', en: 'By district', columnZh: '区', columnEn: 'District' },
] as const;

const HEADERS = {
  'zh-CN': [
    '推送',
    '已联系',
    '已申请',
    '已批准',
    '已拒绝',
    '已放款',
    '跟进逾期',
    '申请率（%）',
    '放款率（%）',
  ],
  en: [
    'Pushed',
    'Contacted',
    'Applied',
    'Approved',
    'Declined',
    'Disbursed',
    'Follow-up overdue',
    'Apply rate (%)',
    'Disbursement rate (%)',
  ],
} as const;

/**
 * 导出推送转化统计 (export the whitelist conversion statistics, issue 10 item 5) to xlsx: a sheet by bank and one
 * by district with the same figures as `findWhitelistConversion` (same visibility and round filter) and the total
 * row; counts as numbers, rates as the API's one-decimal percent text (empty without pushes).
 */
export async function exportWhitelistConversion(
  input: { readonly roundId?: string; readonly language: 'zh-CN' | 'en' },
  actor: Actor,
  deps: AppDeps,
): Promise<Buffer> {
  const { language, ...filters } = input;
  const conversion = await findWhitelistConversion(filters, actor, deps);
  const en = language === 'en';
  const workbook = new ExcelJS.Workbook();
  const line = (name: string, r: WhitelistConversionRow) => [
    name,
    r.pushed,
    r.contacted,
    r.applied,
    r.approved,
    r.declined,
    r.disbursed,
    r.followUpOverdue,
    r.applyRatePct ?? '',
    r.disbursementRatePct ?? '',
  ];
  for (const s of SHEETS) {
    const sheet = workbook.addWorksheet(en ? s.en : s.zh);
    sheet.columns = [{ width: 28 }, ...HEADERS[language].map(() => ({ width: 14 }))];
    sheet.addRow([en ? s.columnEn : s.columnZh, ...HEADERS[language]]).font = { bold: true };
    for (const r of conversion[s.key]) sheet.addRow(line(en ? r.nameEn : r.nameZh, r));
    sheet.addRow(line(en ? 'Total' : '合计', conversion.total)).font = { bold: true };
    if (filters.roundId !== undefined) {
      sheet.addRow([]);
      sheet.addRow([en ? 'Round' : '轮次', filters.roundId]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
