import type { Writable } from 'node:stream';
import { and, eq, inArray, min } from 'drizzle-orm';
import { caseStates } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { openXlsxStream } from '../documents/open-xlsx-stream.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findCases, type FindCasesInput } from '../ledger/find-cases.ts';

/** Rows read per page while exporting (the list's largest page): memory stays flat however large the ledger. */
const EXPORT_PAGE_ROWS = 200;

/** 导出台账 input: the ledger list's filters (no paging) and the language of headers and labels. */
export type ExportCasesInput = Omit<FindCasesInput, 'page' | 'pageSize'> & {
  readonly language: 'zh-CN' | 'en';
};

const headers = {
  'zh-CN': [
    '案件编号',
    '企业',
    '所属银行',
    '经办机构',
    '状态',
    '金额（元）',
    '期限（月）',
    '申请日期',
    '当前状态起始日期',
    '最近更新日期',
  ],
  en: [
    'Case number',
    'Enterprise',
    'Bank',
    'Handling unit',
    'State',
    'Amount (yuan)',
    'Term (months)',
    'Application date',
    'State since',
    'Last updated',
  ],
} as const;

/**
 * 导出台账 (export the ledger list) to xlsx, streamed into `output`: exactly the rows of the ledger list
 * (`findCases`, same visibility, filters and order), read page by page inside one read-only repeatable-read
 * transaction so a case changing meanwhile is neither skipped nor exported twice. Amounts are yuan text with two
 * decimals (the wire's exact decimal, never a binary float); dates are Asia/Shanghai days; the application date is
 * the case's `apply` event (empty for a lead). Returns the number of rows. Source: issue 6 item 6 ("xlsx export").
 */
export async function exportCases(
  input: ExportCasesInput,
  actor: Actor,
  deps: AppDeps,
  output: Writable,
): Promise<number> {
  authorize(actor, 'case.export');
  const { language, ...filters } = input;
  const en = language === 'en';
  const stateLabel = new Map<string, string>(caseStates.map((s) => [s.code, en ? s.en : s.zh]));

  const xlsx = openXlsxStream({
    output,
    sheetName: en ? 'Ledger' : '融资台账',
    headers: headers[language],
    // The amount column is text (exact decimals), aligned right like a number.
    columns: [18, 28, 20, 24, 14, 18, 12, 14, 16, 14].map((width, index) => ({
      width,
      alignRight: index === 5,
    })),
  });

  const written = await deps.db.transaction(
    async (tx) => {
      const pageDeps = { ...deps, db: tx };
      let count = 0;
      for (let page = 1; ; page += 1) {
        const { items, total } = await findCases(
          { ...filters, page, pageSize: EXPORT_PAGE_ROWS },
          actor,
          pageDeps,
        );
        if (items.length === 0) break;
        const ids = items.map((c) => c.id);
        const banks = await tx
          .select({
            id: tables.organisations.id,
            nameZh: tables.organisations.nameZh,
            nameEn: tables.organisations.nameEn,
          })
          .from(tables.organisations)
          .where(inArray(tables.organisations.id, [...new Set(items.map((c) => c.bankId))]));
        const applications = await tx
          .select({ caseId: tables.caseEvents.caseId, at: min(tables.caseEvents.occurredAt) })
          .from(tables.caseEvents)
          .where(and(inArray(tables.caseEvents.caseId, ids), eq(tables.caseEvents.action, 'apply')))
          .groupBy(tables.caseEvents.caseId);
        for (const c of items) {
          const bank = banks.find((b) => b.id === c.bankId);
          const applied = applications.find((a) => a.caseId === c.id)?.at ?? null;
          xlsx.addRow([
            c.caseNumber,
            c.enterpriseName,
            (en ? bank?.nameEn : bank?.nameZh) ?? '',
            c.bankUnitName,
            stateLabel.get(c.state) ?? c.state,
            c.amountYuan ?? '',
            c.termMonths ?? '',
            applied === null ? '' : toShanghaiDate(applied),
            toShanghaiDate(new Date(c.stateEnteredAt)),
            toShanghaiDate(new Date(c.updatedAt)),
          ]);
          count += 1;
        }
        if (page * EXPORT_PAGE_ROWS >= total) break;
      }
      return count;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await xlsx.finish();
  return written;
}
