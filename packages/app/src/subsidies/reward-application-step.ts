import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import type { AppDeps } from '../deps.ts';
import {
  getRewardApplicationForUpdate,
  toRewardApplicationViews,
  type SubsidyRewardApplicationRow,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';
import { notifySubsidyRewardStep, type SubsidyRewardNotificationStep } from './notify-subsidy-reward-step.ts';

/** The bureau's steps on a reward application after its submission; each is also the state it leads to. */
export type RewardApplicationStep = Exclude<SubsidyRewardNotificationStep, 'submitted'>;

/**
 * Loads a reward application for a step under its row lock (NOT_FOUND when the actor does not see it): CONFLICT
 * when `expectedVersion` is given and differs, SUBSIDY_TRANSITION_NOT_ALLOWED (with `event`) unless its state is
 * one of `fromStates`.
 */
export async function loadRewardApplicationForStep(
  tx: Transaction,
  input: { readonly id: string; readonly expectedVersion?: number },
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  fromStates: readonly string[],
  event: string,
): Promise<SubsidyRewardApplicationRow> {
  const row = await getRewardApplicationForUpdate(tx, input.id, actor, scope);
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
    throw new DomainError('CONFLICT');
  if (!fromStates.includes(row.state))
    throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event });
  return row;
}

/**
 * Ends a step on a reward application: moves it to the step's state with `changes`, guarded by its version
 * (CONFLICT when another step came first), audits `subsidy_reward.<step>` (before: state and version plus
 * `before`; after: the new state and version plus `after`), notifies the institution and returns the view.
 */
export async function completeRewardApplicationStep(
  tx: Transaction,
  row: SubsidyRewardApplicationRow,
  step: RewardApplicationStep,
  changes: Partial<typeof tables.subsidyRewardApplications.$inferInsert>,
  audit: { readonly before?: Record<string, unknown>; readonly after?: Record<string, unknown> },
  actor: Actor,
  deps: AppDeps,
  now: Date,
): Promise<SubsidyRewardApplicationView> {
  const { subsidyRewardApplications } = tables;
  const [updated] = await tx
    .update(subsidyRewardApplications)
    .set({ ...changes, state: step, version: row.version + 1, updatedAt: now })
    .where(and(eq(subsidyRewardApplications.id, row.id), eq(subsidyRewardApplications.version, row.version)))
    .returning();
  if (updated === undefined) throw new DomainError('CONFLICT');
  await deps.audit.append(
    tx,
    actor,
    {
      action: `subsidy_reward.${step}`,
      entityType: 'subsidy_reward_application',
      entityId: row.id,
      before: { state: row.state, version: row.version, ...audit.before },
      after: { state: step, version: updated.version, ...audit.after },
    },
    now,
  );
  await notifySubsidyRewardStep(tx, updated, step, now);
  return (await toRewardApplicationViews(tx, [updated]))[0]!;
}
