import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import {
  rewardApplicationVisibility,
  toRewardApplicationViews,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';

export interface FindSubsidyRewardApplicationsInput extends PageInput {
  readonly state?: string;
  readonly schemeId?: string;
  readonly rewardYear?: number;
}

/**
 * 奖励申请列表 (reward applications): an institution's user those its unit or a unit below submitted, the city
 * bureau (its queue) and regulators all; filtered by state, scheme or year, newest first, paged.
 * Source: issue 9 items 2, 4.
 */
export async function findSubsidyRewardApplications(
  input: FindSubsidyRewardApplicationsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<SubsidyRewardApplicationView>> {
  const scope = authorize(actor, 'subsidy_reward.list');
  const { subsidyRewardApplications } = tables;
  const conditions: SQL[] = [rewardApplicationVisibility(actor, scope)];
  if (input.state !== undefined) conditions.push(eq(subsidyRewardApplications.state, input.state));
  if (input.schemeId !== undefined) conditions.push(eq(subsidyRewardApplications.schemeId, input.schemeId));
  if (input.rewardYear !== undefined)
    conditions.push(eq(subsidyRewardApplications.rewardYear, input.rewardYear));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(subsidyRewardApplications)
    .where(where)
    .orderBy(desc(subsidyRewardApplications.createdAt), desc(subsidyRewardApplications.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(subsidyRewardApplications).where(where);
  return {
    items: await toRewardApplicationViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
