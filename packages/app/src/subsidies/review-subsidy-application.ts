import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { notifySubsidyStep } from './notify-subsidy-step.ts';
import { getApplicationForUpdate, toApplicationViews, type SubsidyApplicationView } from './subsidy-views.ts';

export interface ReviewSubsidyApplicationInput {
  readonly id: string;
  readonly decision: 'pass' | 'reject';
  /** 审核意见; required to reject. */
  readonly note?: string;
  readonly expectedVersion?: number;
}

/**
 * 审核 (review): the district bureau of the enterprise's district reviews a submitted application (`submitted` →
 * `district_reviewed`); where the scheme says so the city bureau then reviews (`district_reviewed` →
 * `city_reviewed`). Either may reject with a reason. Another user approves (maker-checker). Audited.
 * Source: issue 9 item 4 "reviewed by the district (and the city where the scheme says)".
 */
export async function reviewSubsidyApplication(
  input: ReviewSubsidyApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  const scope = authorize(actor, 'subsidy_application.review');
  const note = input.note?.trim() ?? '';
  if (input.decision === 'reject' && note === '') throw new DomainError('SUBSIDY_REASON_REQUIRED');
  const now = deps.clock.now();
  const { subsidyApplications, subsidySchemes } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    const [scheme] = await tx.select().from(subsidySchemes).where(eq(subsidySchemes.id, row.schemeVersionId));
    const cityStep = row.state === 'district_reviewed' && scheme?.requiresCityReview === true;
    const allowed =
      (row.state === 'submitted' && actor.role === 'district_bureau') ||
      (cityStep && actor.role === 'city_bureau');
    if (!allowed)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'review' });

    const passed = cityStep ? 'city_reviewed' : 'district_reviewed';
    const state = input.decision === 'pass' ? passed : 'rejected';
    const [updated] = await tx
      .update(subsidyApplications)
      .set({
        state,
        ...(cityStep
          ? { cityReviewedByUserId: actor.userId }
          : { reviewedByUserId: actor.userId, reviewNote: note === '' ? null : note }),
        ...(state === 'rejected' ? { rejectedByUserId: actor.userId, rejectReason: note } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(subsidyApplications.id, row.id), eq(subsidyApplications.version, row.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: state === 'rejected' ? 'subsidy_application.rejected' : 'subsidy_application.reviewed',
        entityType: 'subsidy_application',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state, version: updated.version, note },
      },
      now,
    );
    await notifySubsidyStep(tx, updated, state === 'rejected' ? 'rejected' : 'reviewed', now);
    return (await toApplicationViews(tx, [updated]))[0]!;
  });
}
