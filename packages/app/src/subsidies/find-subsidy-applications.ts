import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { applicationVisibility, toApplicationViews, type SubsidyApplicationView } from './subsidy-views.ts';

export interface FindSubsidyApplicationsInput extends PageInput {
  readonly state?: string;
  readonly schemeId?: string;
  readonly caseId?: string;
}

/**
 * 补贴申请列表 (applications queue): an enterprise its own, a district bureau its district's, the city bureau and
 * regulators all; filtered by state, scheme or case, newest first, paged. Source: issue 9 item 4.
 */
export async function findSubsidyApplications(
  input: FindSubsidyApplicationsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<SubsidyApplicationView>> {
  const scope = authorize(actor, 'subsidy_application.list');
  const { subsidyApplications } = tables;
  const conditions: SQL[] = [applicationVisibility(actor, scope)];
  if (input.state !== undefined) conditions.push(eq(subsidyApplications.state, input.state));
  if (input.schemeId !== undefined) conditions.push(eq(subsidyApplications.schemeId, input.schemeId));
  if (input.caseId !== undefined) conditions.push(eq(subsidyApplications.caseId, input.caseId));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(subsidyApplications)
    .where(where)
    .orderBy(desc(subsidyApplications.createdAt), desc(subsidyApplications.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(subsidyApplications).where(where);
  return {
    items: await toApplicationViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
