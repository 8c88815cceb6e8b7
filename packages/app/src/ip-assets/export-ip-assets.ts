import type { Writable } from 'node:stream';
import { and, asc, gt } from 'drizzle-orm';
import { ipAssetFlags, ipAssetKinds, ipLegalStatuses } from '@ipf/domain/ip-asset';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { openXlsxStream } from '../documents/open-xlsx-stream.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { ipAssetImportColumns } from './ip-asset-import-columns.ts';
import { ipAssetSearchConditions, type IpAssetSearchCriteria } from './ip-asset-search.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { loadIpAssetOwners, toIpAssetSummary } from './ip-asset-view.ts';

/** Rows read per query while exporting: memory stays flat however large the result. */
const EXPORT_PAGE_ROWS = 1000;

/**
 * 导出 (export a search result) to xlsx, streamed into `output`: the import template's columns first (so an
 * export can be imported elsewhere), then owners, expiry and the health indicators. Reads the result page by
 * page in id order and writes each row as it goes (exceljs streaming writer). Returns the number of rows.
 */
export async function exportIpAssets(
  input: IpAssetSearchCriteria & { readonly language: 'zh-CN' | 'en' },
  actor: Actor,
  deps: AppDeps,
  output: Writable,
): Promise<number> {
  const scope = authorize(actor, 'ip_asset.export');
  const today = toShanghaiDate(deps.clock.now());
  const en = input.language === 'en';
  const kindLabel = new Map<string, string>(ipAssetKinds.map((k) => [k.code, en ? k.en : k.zh]));
  const statusLabel = new Map<string, string>(ipLegalStatuses.map((s) => [s.code, en ? s.en : s.zh]));
  const flagLabel = new Map<string, string>(ipAssetFlags.map((f) => [f.code, en ? f.en : f.zh]));

  const extra = en
    ? [
        'Kind (label)',
        'Status (label)',
        'Flags (labels)',
        'Owners',
        'Expiry date',
        'Expiring within 24 months',
        'Annual fee due',
        'Disputed',
      ]
    : [
        '类型名称',
        '法律状态名称',
        '状态标记名称',
        '权利人（份额）',
        '届满日',
        '24 个月内到期',
        '年费待缴',
        '存在纠纷',
      ];
  const xlsx = openXlsxStream({
    output,
    sheetName: en ? 'Assets' : '知识产权',
    headers: [...ipAssetImportColumns.map((c) => c.key), ...extra],
  });

  const { ipAssets } = tables;
  const base = [ipAssetVisibility(actor, scope, today), ...ipAssetSearchConditions(input, today)];
  const yes = en ? 'yes' : '是';
  let lastId: string | null = null;
  let written = 0;
  for (;;) {
    const rows: (typeof ipAssets.$inferSelect)[] = await deps.db
      .select()
      .from(ipAssets)
      .where(and(...base, ...(lastId === null ? [] : [gt(ipAssets.id, lastId)])))
      .orderBy(asc(ipAssets.id))
      .limit(EXPORT_PAGE_ROWS);
    if (rows.length === 0) break;
    const owners = await loadIpAssetOwners(
      deps.db,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const summary = toIpAssetSummary(row, owners.get(row.id) ?? [], today);
      const facts = row.termFacts;
      const fact = (name: string): string => {
        const value = facts[name];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      };
      const values: Record<string, string> = {
        kind: row.kind,
        number: row.number,
        title: row.title,
        legalStatus: row.legalStatus,
        flags: row.flags.join(';'),
        filingDate: row.filingDate ?? '',
        grantDate: row.grantDate ?? '',
        termCompensationDays: row.kind === 'invention_patent' ? String(row.termCompensationDays) : '',
        renewalCount: fact('renewalCount'),
        creationDate: fact('creationDate'),
        firstPublicationDate: fact('firstPublicationDate'),
        firstCommercialUseDate: fact('firstCommercialUseDate'),
        validUntil: fact('validUntil') || fact('contractEndDate'),
        annualFeePaidThrough: row.annualFeePaidThrough ?? '',
        ipcClasses: row.ipcClasses.join(';'),
        niceClasses: row.niceClasses.join(';'),
      };
      xlsx.addRow([
        ...ipAssetImportColumns.map((c) => values[c.key] ?? ''),
        kindLabel.get(row.kind) ?? row.kind,
        statusLabel.get(row.legalStatus) ?? row.legalStatus,
        row.flags.map((f) => flagLabel.get(f) ?? f).join('；'),
        summary.owners.map((o) => `${o.name}（${(o.shareBps / 100).toFixed(2)}%）`).join('；'),
        row.expiryDate ?? '',
        summary.health.expiringSoon ? yes : '',
        summary.health.feesDue ? yes : '',
        summary.health.disputed ? yes : '',
      ]);
      written += 1;
    }
    lastId = rows[rows.length - 1]!.id;
  }
  await xlsx.finish();
  return written;
}
