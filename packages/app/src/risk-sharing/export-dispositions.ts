import type { Writable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import {
  dispositionPathLabels,
  dispositionStatusLabels,
  type RiskSharingLabel,
} from '@ipf/domain/risk-sharing';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { openXlsxStream } from '../documents/open-xlsx-stream.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { toDispositionViews } from './disposition-view.ts';
import { dispositionsWhere, type FindDispositionsInput } from './find-dispositions.ts';

/** Rows read per page while exporting. */
const EXPORT_PAGE_ROWS = 200;

export type ExportDispositionsInput = Omit<FindDispositionsInput, 'page' | 'pageSize'> & {
  readonly language: 'zh-CN' | 'en';
};

const headers = {
  'zh-CN': [
    '案件编号',
    '企业',
    '处置方式',
    '状态',
    '交易对手',
    '评估价值（元）',
    '处置款（元）',
    '处置费用（元）',
    '已分配（元）',
    '分配比例',
    '启动日期',
    '结案日期',
  ],
  en: [
    'Case number',
    'Enterprise',
    'Path',
    'Status',
    'Counterparty',
    'Appraised (yuan)',
    'Proceeds (yuan)',
    'Costs (yuan)',
    'Distributed (yuan)',
    'Ratios',
    'Opened on',
    'Closed on',
  ],
} as const;

/**
 * 导出处置案件清单 (export the dispositions list) to xlsx, streamed into `output`: the list's rows (same visibility,
 * filters and order), read page by page in one read-only repeatable-read transaction; amounts as exact yuan text.
 * Returns the number of rows. Source: issue 8 item 8 (xlsx export).
 */
export async function exportDispositions(
  input: ExportDispositionsInput,
  actor: Actor,
  deps: AppDeps,
  output: Writable,
): Promise<number> {
  const scope = authorize(actor, 'disposition.read');
  const { language, ...filters } = input;
  const en = language === 'en';
  const label = (map: Readonly<Record<string, RiskSharingLabel>>, code: string | null) =>
    code === null ? '' : ((en ? map[code]?.en : map[code]?.zh) ?? code);
  const xlsx = openXlsxStream({
    output,
    sheetName: en ? 'Dispositions' : '处置案件',
    headers: headers[language],
    columns: headers[language].map((_, index) =>
      index >= 5 && index <= 8
        ? { width: 16, alignRight: true }
        : { width: index < 2 || index === 9 ? 28 : 14 },
    ),
  });
  const { dispositionCases, financingCases } = tables;
  const where = dispositionsWhere(filters, caseVisibility(actor, scope));
  const written = await deps.db.transaction(
    async (tx) => {
      let rowsWritten = 0;
      for (let offset = 0; ; offset += EXPORT_PAGE_ROWS) {
        const rows = await tx
          .select({ disposition: dispositionCases })
          .from(dispositionCases)
          .innerJoin(financingCases, eq(financingCases.id, dispositionCases.caseId))
          .where(where)
          .orderBy(desc(dispositionCases.createdAt), desc(dispositionCases.id))
          .limit(EXPORT_PAGE_ROWS)
          .offset(offset);
        if (rows.length === 0) break;
        const views = await toDispositionViews(
          tx,
          rows.map((r) => r.disposition),
        );
        for (const d of views) {
          xlsx.addRow([
            d.caseNumber,
            d.enterpriseName,
            label(dispositionPathLabels, d.path),
            label(dispositionStatusLabels, d.status),
            d.counterpartyName ?? '',
            d.appraisedValueYuan ?? '',
            d.proceedsYuan,
            d.costsYuan,
            d.distributedYuan,
            d.distribution.map((s) => `${s.partyName} ${(s.weightBps / 100).toFixed(2)}%`).join('；'),
            d.openedDate,
            d.closedDate ?? '',
          ]);
          rowsWritten += 1;
        }
        if (rows.length < EXPORT_PAGE_ROWS) break;
      }
      return rowsWritten;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await xlsx.finish();
  return written;
}
