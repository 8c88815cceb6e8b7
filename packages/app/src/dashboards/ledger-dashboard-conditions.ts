import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';

const { financingCases, enterprises, caseAssets, caseEvents } = tables;

/** 看板筛选 (dashboard filters): every field optional; dates are Asia/Shanghai calendar days, both ends included. */
export interface LedgerDashboardFilters {
  /** First application date counted (YYYY-MM-DD). */
  readonly applicationDateFrom?: string;
  /** Last application date counted (YYYY-MM-DD). */
  readonly applicationDateTo?: string;
  /** District code of the borrowing enterprise (`enterprises.district`). */
  readonly district?: string;
  /** The bank's head office (总行) id. */
  readonly bankId?: string;
  /** IP kind code: cases pledging at least one asset of this kind. */
  readonly ipKind?: string;
}

const DAY_MS = 86_400_000;

/** Shanghai midnight starting `date`, as an ISO instant (the zone has no daylight saving: +08:00 always holds). */
function shanghaiMidnight(date: string, addDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + addDays * DAY_MS).toISOString();
}

/**
 * 申请时间 (application instant) of a case: its `apply` event on the timeline (a lead converted into an application
 * keeps its row, so the row's creation is not the application); null for a lead that never applied.
 */
export const applicationInstant = sql<Date | null>`(select min(${caseEvents.occurredAt}) from ${caseEvents} where ${and(eq(caseEvents.caseId, financingCases.id), eq(caseEvents.action, 'apply'))})`;

/**
 * The `financing_cases` conditions of the ledger dashboard and its export: the actor's case visibility (a bank its
 * hierarchy, a district bureau its district, the city bureau and regulators all) and the filters. Every condition
 * is on the case row (subqueries for district, kind and application date), so any query over the cases can use them.
 */
export function ledgerDashboardConditions(
  filters: LedgerDashboardFilters,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): SQL[] {
  const conditions: SQL[] = [caseVisibility(actor, scope)];
  if (filters.bankId !== undefined) conditions.push(eq(financingCases.bankId, filters.bankId));
  if (filters.district !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${enterprises} where ${and(eq(enterprises.organisationId, financingCases.enterpriseId), eq(enterprises.district, filters.district))})`,
      ),
    );
  if (filters.ipKind !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${caseAssets} where ${and(eq(caseAssets.caseId, financingCases.id), eq(caseAssets.kind, filters.ipKind))})`,
      ),
    );
  if (filters.applicationDateFrom !== undefined)
    conditions.push(
      sql`${applicationInstant} >= ${shanghaiMidnight(filters.applicationDateFrom)}::timestamptz`,
    );
  if (filters.applicationDateTo !== undefined)
    conditions.push(
      sql`${applicationInstant} < ${shanghaiMidnight(filters.applicationDateTo, 1)}::timestamptz`,
    );
  return conditions;
}
