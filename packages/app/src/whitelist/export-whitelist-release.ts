import ExcelJS from 'exceljs';
import type { ReleasedFeatureValue } from '@ipf/domain/whitelist';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { loadWhitelistRelease } from './get-whitelist-release.ts';

const COLUMN_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  pseudonym: ['假名', 'Pseudonym'],
  district: ['区域（泛化）', 'District (generalised)'],
  cluster: ['产业集群（泛化）', 'Cluster (generalised)'],
  sizeClass: ['企业规模（泛化）', 'Size class (generalised)'],
  foundedYear: ['成立年份（区间）', 'Founded (band)'],
  employees: ['从业人数（区间）', 'Employees (band)'],
  highTech: ['高新技术企业', 'High-tech'],
  specialised: ['专精特新', 'Specialised'],
  validInventionPatents: ['有效发明专利数', 'Valid invention patents'],
  validPatents: ['有效专利数', 'Valid patents'],
  valuationScore: ['估值评分', 'Valuation score'],
  patentGrowth3y: ['近三年授权专利数', 'Patents granted (3 years)'],
  registeredCapitalWan: ['注册资本（万元，区间）', 'Registered capital (10k yuan, band)'],
  overdueCount: ['逾期次数', 'Overdue count'],
};

function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ExportWhitelistReleaseInput {
  readonly roundId: string;
  readonly bankOrganisationId: string;
  readonly format: 'csv' | 'xlsx';
  readonly language: 'zh-CN' | 'en';
}

/**
 * 下载数据集 (download the bank's anonymised release as CSV or xlsx, issue 10 item 3b): one row per released
 * pseudonym with the generalised quasi-identifiers and the coarsened features — exactly the stored release rows,
 * so no name, credit code, exact date or contact can be in it. CSV is UTF-8 with a BOM (Excel opens it in
 * Chinese). Each download is audited.
 */
export async function exportWhitelistRelease(
  input: ExportWhitelistReleaseInput,
  actor: Actor,
  deps: AppDeps,
): Promise<{ readonly fileName: string; readonly content: Buffer }> {
  const scope = authorize(actor, 'whitelist_release.read');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { round, bank, release, rows, features } = await loadWhitelistRelease(tx, actor, scope, input);
    const columns = [
      'pseudonym',
      'district',
      'cluster',
      'sizeClass',
      'foundedYear',
      'employees',
      ...features,
    ];
    const en = input.language === 'en';
    const header = columns.map((c) => COLUMN_LABELS[c]?.[en ? 1 : 0] ?? c);
    const lines = rows.map((r) =>
      columns.map((c): ReleasedFeatureValue => {
        if (c in r && c !== 'features') return (r as unknown as Record<string, string>)[c]!;
        return (r.features as Record<string, ReleasedFeatureValue | undefined>)[c] ?? null;
      }),
    );
    let content: Buffer;
    if (input.format === 'csv') {
      const text = [header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n');
      content = Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
    } else {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(en ? 'Anonymised release' : '匿名化数据集');
      sheet.addRow(header).font = { bold: true };
      for (const line of lines) sheet.addRow(line.map((v) => (v === null ? '' : v)));
      const facts = workbook.addWorksheet(en ? 'Facts' : '说明');
      facts.addRow([en ? 'Round' : '轮次', round.roundNumber]);
      facts.addRow([en ? 'Bank' : '银行', en ? bank.nameEn : bank.nameZh]);
      facts.addRow(['k', release.k]);
      facts.addRow([en ? 'Rows' : '行数', release.rowCount]);
      facts.addRow([en ? 'Suppressed' : '抑制记录数', release.suppressedCount]);
      facts.addRow([en ? 'Smallest class' : '最小等价类', release.smallestClass]);
      content = Buffer.from(await workbook.xlsx.writeBuffer());
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'whitelist_release.downloaded',
        entityType: 'whitelist_release',
        entityId: release.id,
        after: { format: input.format, rowCount: rows.length, bankOrganisationId: bank.id },
      },
      now,
    );
    return { fileName: `${round.roundNumber}-${bank.id.slice(0, 8)}.${input.format}`, content };
  });
}
