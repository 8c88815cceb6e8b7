import { and, asc, desc, eq, ne, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toSchemeViews, type SubsidySchemeView } from './subsidy-views.ts';

export interface FindSubsidySchemesInput {
  readonly state?: 'draft' | 'published' | 'closed';
}

/**
 * 补贴政策列表 (schemes with live budget use): published and closed versions for everyone allowed; drafts only for
 * the bureaus and regulators. Newest version first within a scheme. Source: issue 9 items 1, 5.
 */
export async function findSubsidySchemes(
  input: FindSubsidySchemesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidySchemeView[]> {
  authorize(actor, 'subsidy_scheme.list');
  const { subsidySchemes } = tables;
  const seesDrafts = ['city_bureau', 'district_bureau', 'regulator', 'platform_admin'].includes(actor.role);
  const conditions: SQL[] = [];
  if (input.state !== undefined) conditions.push(eq(subsidySchemes.state, input.state));
  if (!seesDrafts) conditions.push(ne(subsidySchemes.state, 'draft'));
  const rows = await deps.db
    .select()
    .from(subsidySchemes)
    .where(and(...conditions))
    .orderBy(asc(subsidySchemes.schemeId), desc(subsidySchemes.version));
  return toSchemeViews(deps.db, rows);
}
