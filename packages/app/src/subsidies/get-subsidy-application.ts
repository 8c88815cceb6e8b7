import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { applicationVisibility, toApplicationViews, type SubsidyApplicationView } from './subsidy-views.ts';

/** 补贴申请详情: one application the actor sees (NOT_FOUND otherwise). */
export async function getSubsidyApplication(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  const scope = authorize(actor, 'subsidy_application.read');
  const [row] = await deps.db
    .select()
    .from(tables.subsidyApplications)
    .where(and(eq(tables.subsidyApplications.id, id), applicationVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return (await toApplicationViews(deps.db, [row]))[0]!;
}
