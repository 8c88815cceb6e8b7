import { and, asc, count, desc, eq, exists, lte, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toPledgeAlertViews, type PledgeAlertView } from './pledge-alert-view.ts';

export interface FindPledgeAlertsInput extends PageInput {
  readonly state?: string;
  readonly kind?: string;
  readonly severity?: string;
  readonly caseId?: string;
  /** Alerts due on or before this day. */
  readonly dueBefore?: string;
}

const { pledgeAlerts, financingCases } = tables;

/**
 * 押品预警列表: the alerts of the cases the actor may see (the pledgee bank by hierarchy, the assigned guarantor,
 * the district bureau its district, the city bureau and regulators all; read-only for bureaus), filtered by state,
 * kind, severity, case and due date, unresolved and soonest due first. Source: issue 6 item 5; access.md.
 */
export async function findPledgeAlerts(
  input: FindPledgeAlertsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<PledgeAlertView>> {
  const scope = authorize(actor, 'pledge_alert.list');
  const conditions: SQL[] = [
    exists(
      sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, pledgeAlerts.caseId), caseVisibility(actor, scope))})`,
    ),
  ];
  if (input.state !== undefined) conditions.push(eq(pledgeAlerts.state, input.state));
  if (input.kind !== undefined) conditions.push(eq(pledgeAlerts.kind, input.kind));
  if (input.severity !== undefined) conditions.push(eq(pledgeAlerts.severity, input.severity));
  if (input.caseId !== undefined) conditions.push(eq(pledgeAlerts.caseId, input.caseId));
  if (input.dueBefore !== undefined) conditions.push(lte(pledgeAlerts.dueDate, input.dueBefore));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(pledgeAlerts)
    .where(where)
    .orderBy(
      sql`case when ${pledgeAlerts.state} = 'resolved' then 1 else 0 end`,
      asc(pledgeAlerts.dueDate),
      desc(pledgeAlerts.createdAt),
      asc(pledgeAlerts.id),
    )
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(pledgeAlerts).where(where);
  return {
    items: await toPledgeAlertViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
