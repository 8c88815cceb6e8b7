import ExcelJS from 'exceljs';
import { ipAssetKinds } from '@ipf/domain/ip-asset';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { runAvmBatch, type AvmBatchScope } from './run-avm-batch.ts';

const BAND_LABELS = {
  high: { zh: '高（≥ 80 分）', en: 'High (≥ 80)' },
  medium: { zh: '中（60–80 分）', en: 'Medium (60–80)' },
  low: { zh: '低（< 60 分）', en: 'Low (< 60)' },
} as const;

/**
 * 导出批量估值 (export a batch AVM run) to xlsx: one row per patent (highest value first) with score, band and
 * value, then the run's as-of date, parameters version and checksum, so the sheet can be matched to a rerun.
 */
export async function exportAvmBatch(
  input: AvmBatchScope & { readonly language: 'zh-CN' | 'en' },
  actor: Actor,
  deps: AppDeps,
): Promise<Buffer> {
  const { language, ...scope } = input;
  const result = await runAvmBatch({ ...scope, pageSize: 1, source: 'export' }, actor, deps);
  const en = language === 'en';
  const kindLabel = new Map<string, string>(ipAssetKinds.map((k) => [k.code, en ? k.en : k.zh]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(en ? 'Batch AVM' : '批量估值');
  const header = sheet.addRow(
    en
      ? [
          'Number',
          'Title',
          'Kind',
          'Owners',
          'Score',
          'Band',
          'Value (yuan)',
          'Revenue known',
          'Missing facts',
        ]
      : ['申请号', '名称', '类型', '权利人', '评分', '分档', '估值（元）', '收入已知', '缺失数据'],
  );
  header.font = { bold: true };
  for (const item of result.allItems)
    sheet.addRow([
      item.number,
      item.title,
      kindLabel.get(item.kind) ?? item.kind,
      item.ownerNames.join('；'),
      item.score,
      BAND_LABELS[item.band as keyof typeof BAND_LABELS][en ? 'en' : 'zh'],
      item.valueYuan,
      item.revenueKnown ? (en ? 'yes' : '是') : en ? 'no' : '否',
      item.unknownFacts.join(', '),
    ]);
  sheet.addRow([]);
  sheet.addRow([en ? 'As of' : '估值基准日', result.asOfDate]);
  sheet.addRow([en ? 'Parameters' : '参数版本', result.parametersVersion, result.weightTableVersion]);
  sheet.addRow([en ? 'Patents' : '专利件数', result.count]);
  sheet.addRow([en ? 'Total value (yuan)' : '估值合计（元）', result.totalValueYuan]);
  sheet.addRow([en ? 'Checksum' : '校验值', result.checksum]);
  sheet.addRow([
    en ? 'Automated pre-assessment, not a valuation report' : '自动预估值（预评估），不是资产评估报告',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
