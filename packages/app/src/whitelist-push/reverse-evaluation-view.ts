import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';

/** 反向评估报告 content (stored as data on the day it was produced). */
export interface ReverseEvaluationReportContent {
  readonly enterprise: {
    readonly id: string;
    readonly name: string;
    readonly uscc: string;
    readonly district: string;
  };
  readonly consent: { readonly id: string; readonly scope: string; readonly expiresOn: string };
  /** The latest valuation on record valid on the day, or null. */
  readonly valuation: {
    readonly id: string;
    readonly number: string;
    readonly kind: string;
    readonly valuationDate: string;
    readonly validUntil: string;
    readonly evaluationFirmName: string | null;
    readonly method: string;
    readonly valueYuan: string;
    readonly pledgeValueYuan: string;
    /** Mean 指标评分 of its assets, rounded; null for kinds outside GB/T 42748-2023. */
    readonly score: number | null;
  } | null;
  readonly ipRecord: {
    readonly assetCount: number;
    readonly inForceCount: number;
    readonly validInventionPatents: number;
    readonly patentsGrantedLast3y: number;
  };
  /** 体检 risks in both languages. */
  readonly healthRisks: { readonly code: string; readonly zh: string; readonly en: string }[];
  /** 风险提示 codes: `NO_VALID_VALUATION`, `NO_VALID_INVENTION_PATENT`, `OVERDUE_ON_LEDGER`, `IP_FLAGGED`, `IP_HEALTH_RISKS`. */
  readonly riskFlags: string[];
  readonly overdueCount: number;
}

export interface ReverseEvaluationReportView {
  readonly id: string;
  readonly reportNumber: string;
  readonly requestId: string;
  readonly asOfDate: string;
  readonly generatedAt: string;
  readonly content: ReverseEvaluationReportContent;
}

export interface ReverseEvaluationView {
  readonly id: string;
  readonly requestNumber: string;
  readonly bankUnitId: string;
  readonly bankUnitNameZh: string;
  readonly bankUnitNameEn: string;
  readonly requestedAt: string;
  readonly note: string | null;
  readonly reports: ReverseEvaluationReportView[];
}

const { reverseEvaluationRequests: q, reverseEvaluationReports: r, organisations: o } = tables;

/** A bank user the requests of its unit and the units below it; the bureau all. */
export function reverseEvaluationVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  if (scope === 'all') return sql`true`;
  if (actor.organisationKind !== 'bank') return sql`false`;
  return sql`exists (select 1 from ${o} u where u.id = ${q.bankUnitId} and u.path like ${`${actor.organisationPath}%`})`;
}

export async function loadReverseEvaluations(
  executor: Executor,
  where: SQL,
  limit: number,
): Promise<ReverseEvaluationView[]> {
  const requests = await executor
    .select({ q, nameZh: o.nameZh, nameEn: o.nameEn })
    .from(q)
    .innerJoin(o, eq(o.id, q.bankUnitId))
    .where(where)
    .orderBy(desc(q.requestedAt), desc(q.requestNumber))
    .limit(limit);
  if (requests.length === 0) return [];
  const reports = await executor
    .select()
    .from(r)
    .where(
      inArray(
        r.requestId,
        requests.map((x) => x.q.id),
      ),
    )
    .orderBy(r.reportNumber);
  return requests.map((x) => ({
    id: x.q.id,
    requestNumber: x.q.requestNumber,
    bankUnitId: x.q.bankUnitId,
    bankUnitNameZh: x.nameZh,
    bankUnitNameEn: x.nameEn,
    requestedAt: x.q.requestedAt.toISOString(),
    note: x.q.note,
    reports: reports
      .filter((report) => report.requestId === x.q.id)
      .map((report) => ({
        id: report.id,
        reportNumber: report.reportNumber,
        requestId: report.requestId,
        asOfDate: report.asOfDate,
        generatedAt: report.generatedAt.toISOString(),
        content: report.report as unknown as ReverseEvaluationReportContent,
      })),
  }));
}
