import type { Writable } from 'node:stream';
import { desc } from 'drizzle-orm';
import { tables } from '@ipf/db';
import { claimRoleLabels, claimStatusLabels, type RiskSharingLabel } from '@ipf/domain/risk-sharing';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { openXlsxStream } from '../documents/open-xlsx-stream.ts';
import { riskClaimsWhere, type FindRiskClaimsInput } from './find-risk-claims.ts';
import { claimVisibility, toRiskClaimViews } from './risk-claim-view.ts';

/** Rows read per page while exporting. */
const EXPORT_PAGE_ROWS = 200;

export type ExportRiskClaimsInput = Omit<FindRiskClaimsInput, 'page' | 'pageSize'> & {
  readonly language: 'zh-CN' | 'en';
};

const headers = {
  'zh-CN': [
    '理赔编号',
    '案件编号',
    '企业',
    '类型',
    '付款方',
    '申请方',
    '状态',
    '损失本金（元）',
    '欠息（元）',
    '申请金额（元）',
    '核定金额（元）',
    '支付金额（元）',
    '未获补偿（元）',
    '已返还追偿款（元）',
    '申请日期',
    '审批日期',
    '支付日期',
  ],
  en: [
    'Claim number',
    'Case number',
    'Enterprise',
    'Kind',
    'Payer',
    'Claimant',
    'State',
    'Loss principal (yuan)',
    'Unpaid interest (yuan)',
    'Claimed (yuan)',
    'Approved (yuan)',
    'Paid (yuan)',
    'Shortfall (yuan)',
    'Recovered back (yuan)',
    'Filed on',
    'Decided on',
    'Paid on',
  ],
} as const;

/**
 * 导出理赔清单 (export the claims list) to xlsx, streamed into `output`: the rows of the claims work queue (same
 * visibility, filters and order), read page by page inside one read-only repeatable-read transaction. Amounts are
 * yuan text with two decimals (exact, never a float). Returns the number of rows. Source: issue 8 item 8.
 */
export async function exportRiskClaims(
  input: ExportRiskClaimsInput,
  actor: Actor,
  deps: AppDeps,
  output: Writable,
): Promise<number> {
  const scope = authorize(actor, 'risk_claim.list');
  const { language, ...filters } = input;
  const en = language === 'en';
  const xlsx = openXlsxStream({
    output,
    sheetName: en ? 'Claims' : '代偿理赔补偿',
    headers: headers[language],
    columns: headers[language].map((_, index) =>
      index >= 7 && index <= 13 ? { width: 16, alignRight: true } : { width: index < 3 ? 24 : 14 },
    ),
  });
  const where = riskClaimsWhere(filters, claimVisibility(actor, scope));
  const written = await deps.db.transaction(
    async (tx) => {
      let rowsWritten = 0;
      for (let offset = 0; ; offset += EXPORT_PAGE_ROWS) {
        const rows = await tx
          .select()
          .from(tables.riskClaims)
          .where(where)
          .orderBy(desc(tables.riskClaims.createdAt), desc(tables.riskClaims.id))
          .limit(EXPORT_PAGE_ROWS)
          .offset(offset);
        if (rows.length === 0) break;
        for (const c of await toRiskClaimViews(tx, rows)) {
          const label = (map: Readonly<Record<string, RiskSharingLabel>>, code: string) =>
            (en ? map[code]?.en : map[code]?.zh) ?? code;
          xlsx.addRow([
            c.claimNumber,
            c.caseNumber,
            c.enterpriseName,
            label(claimRoleLabels, c.payerRole),
            c.payerName,
            c.claimantName,
            label(claimStatusLabels, c.state),
            c.lossPrincipalYuan,
            c.lossInterestYuan,
            c.claimedYuan,
            c.approvedYuan ?? '',
            c.paidYuan ?? '',
            c.shortfallYuan ?? '',
            c.recoveredYuan,
            c.filedDate,
            c.decidedDate ?? '',
            c.payment?.paidDate ?? '',
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
