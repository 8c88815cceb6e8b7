import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import {
  rewardApplicationVisibility,
  toRewardApplicationViews,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';

/** 奖励申请 (one reward application), NOT_FOUND outside the actor's scope. */
export async function getSubsidyRewardApplication(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  const scope = authorize(actor, 'subsidy_reward.read');
  const [row] = await deps.db
    .select()
    .from(tables.subsidyRewardApplications)
    .where(and(eq(tables.subsidyRewardApplications.id, input.id), rewardApplicationVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return (await toRewardApplicationViews(deps.db, [row]))[0]!;
}
