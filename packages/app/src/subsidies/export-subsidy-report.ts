import ExcelJS from 'exceljs';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import {
  findSubsidyReport,
  type FindSubsidyReportInput,
  type SubsidyReportRow,
} from './find-subsidy-report.ts';

const SHEETS = [
  { key: 'byScheme', zh: '按政策', en: 'By scheme', columnZh: '政策', columnEn: 'Scheme' },
  { key: 'byDistrict', zh: '按区', en: 'By district', columnZh: '区', columnEn: 'District' },
  { key: 'byEnterprise', zh: '按企业', en: 'By enterprise', columnZh: '企业', columnEn: 'Enterprise' },
  { key: 'byInstitution', zh: '按金融机构', en: 'By institution', columnZh: '贷款银行', columnEn: 'Bank' },
] as const;

/**
 * 导出补贴统计报表 (export the subsidy report, issue 9 item 6) to xlsx: one sheet per grouping (scheme, district,
 * enterprise, institution) with granted, paid and clawed-back counts and amounts as exact yuan text, and the
 * total row; same visibility and filters as the JSON report.
 */
export async function exportSubsidyReport(
  input: FindSubsidyReportInput & { readonly language: 'zh-CN' | 'en' },
  actor: Actor,
  deps: AppDeps,
): Promise<Buffer> {
  const { language, ...filters } = input;
  const report = await findSubsidyReport(filters, actor, deps);
  const en = language === 'en';
  const workbook = new ExcelJS.Workbook();
  const line = (name: string, r: SubsidyReportRow) => [
    name,
    r.grantedCount,
    r.grantedYuan,
    r.paidCount,
    r.paidYuan,
    r.clawedBackCount,
    r.clawedBackYuan,
  ];
  for (const s of SHEETS) {
    const sheet = workbook.addWorksheet(en ? s.en : s.zh);
    const header = sheet.addRow(
      en
        ? [
            s.columnEn,
            'Granted (count)',
            'Granted (yuan)',
            'Paid (count)',
            'Paid (yuan)',
            'Clawed back (count)',
            'Clawed back (yuan)',
          ]
        : [
            s.columnZh,
            '批准笔数',
            '批准金额（元）',
            '兑付笔数',
            '兑付金额（元）',
            '追回笔数',
            '追回金额（元）',
          ],
    );
    header.font = { bold: true };
    for (const r of report[s.key]) sheet.addRow(line(en ? r.nameEn || r.key : r.nameZh || r.key, r));
    const total = sheet.addRow(line(en ? 'Total' : '合计', report.total));
    total.font = { bold: true };
    sheet.addRow([]);
    sheet.addRow([en ? 'Subsidy year' : '补贴年度', report.year ?? (en ? 'all' : '全部')]);
    sheet.addRow([en ? 'Scheme' : '政策', report.schemeId ?? (en ? 'all' : '全部')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
