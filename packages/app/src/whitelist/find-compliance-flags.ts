import { and, asc, desc, eq, gt, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toComplianceFlagView, type ComplianceFlagView } from './compliance-flag-view.ts';

export interface FindComplianceFlagsInput extends PageInput {
  /** Part of the enterprise's name or USCC. */
  readonly search?: string;
  readonly kind?: string;
  /** true: only flags holding today; false: only those not (cleared, or effective later). */
  readonly active?: boolean;
  readonly enterpriseId?: string;
}

/** Reads flags with their enterprise and the users who recorded and cleared them (shared with the writers). */
export function selectComplianceFlags(executor: Executor) {
  const { complianceFlags: f, enterprises: e, users: u } = tables;
  const cleared = alias(u, 'cleared_by');
  return executor
    .select({
      flag: f,
      enterprise: { name: e.name, uscc: e.uscc, district: e.district },
      recordedBy: u.displayName,
      clearedBy: cleared.displayName,
    })
    .from(f)
    .innerJoin(e, eq(e.organisationId, f.enterpriseId))
    .innerJoin(u, eq(u.id, f.recordedByUserId))
    .leftJoin(cleared, eq(cleared.id, f.clearedByUserId))
    .$dynamic();
}

/** The rows an actor's scope reaches: the enterprise its own flags, a district bureau its district's. */
function scopeCondition(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL | undefined {
  if (scope === 'own_org') return eq(tables.complianceFlags.enterpriseId, actor.organisationId);
  if (scope === 'district') return eq(tables.enterprises.district, actor.district ?? '');
  return undefined;
}

/**
 * 合规标记列表 (compliance flags, issue 10 item 4), paged, newest effective first: the city bureau sees all, a
 * district bureau its district's enterprises, an enterprise its own (access.md); banks none — a flag would tell
 * a bank why an enterprise it graded is missing from its whitelist. Search by name or USCC, filter by kind and
 * by whether the flag holds today (Asia/Shanghai).
 */
export async function findComplianceFlags(
  input: FindComplianceFlagsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<ComplianceFlagView>> {
  const scope = authorize(actor, 'compliance_flag.list');
  const today = toShanghaiDate(deps.clock.now());
  const { complianceFlags: f, enterprises: e } = tables;
  const holds = and(lte(f.effectiveOn, today), or(isNull(f.clearedOn), gt(f.clearedOn, today)))!;
  const conditions: (SQL | undefined)[] = [scopeCondition(actor, scope)];
  const search = input.search?.trim();
  if (search !== undefined && search !== '')
    conditions.push(or(ilike(e.name, likePattern(search)), ilike(e.uscc, likePattern(search.toUpperCase()))));
  if (input.kind !== undefined) conditions.push(eq(f.kind, input.kind));
  if (input.enterpriseId !== undefined) conditions.push(eq(f.enterpriseId, input.enterpriseId));
  if (input.active === true) conditions.push(holds);
  if (input.active === false) conditions.push(sql`not (${holds})`);
  const where = and(...conditions);

  const [rows, [count]] = await Promise.all([
    selectComplianceFlags(deps.db)
      .where(where)
      .orderBy(desc(f.effectiveOn), asc(e.name), asc(f.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(f)
      .innerJoin(e, eq(e.organisationId, f.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => toComplianceFlagView(row, today)),
    total: count?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
