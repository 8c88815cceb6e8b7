import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toComplianceFlagView, type ComplianceFlagView } from './compliance-flag-view.ts';
import { selectComplianceFlags } from './find-compliance-flags.ts';

export interface ClearComplianceFlagInput {
  readonly id: string;
  /** ISO date from which the flag no longer holds (移出/撤销): after its effective date, not after today. */
  readonly clearedOn: string;
  readonly reason: string;
}

/**
 * 移出合规标记 (clear a compliance flag, issue 10 item 4): the city bureau records the day the authority removed it
 * (移出经营异常名录, 撤销失信, 判决撤销 …) and why. From that day on it no longer bars the whitelist; the record
 * stays, so a whitelist built earlier keeps its reason. A flag is cleared once (COMPLIANCE_FLAG_ALREADY_CLEARED,
 * also for two racing clears: the update only touches an uncleared row). Audited with before and after.
 */
export async function clearComplianceFlag(
  input: ClearComplianceFlagInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ComplianceFlagView> {
  authorize(actor, 'compliance_flag.clear');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const f = tables.complianceFlags;

  return runInTransaction(deps, async (tx) => {
    const [before] = await selectComplianceFlags(tx).where(eq(f.id, input.id));
    if (before === undefined) throw new DomainError('NOT_FOUND');
    if (before.flag.clearedOn !== null)
      throw new DomainError('COMPLIANCE_FLAG_ALREADY_CLEARED', { clearedOn: before.flag.clearedOn });
    const problem = (code: string, params: Record<string, string>) =>
      new DomainError(code, params, { problems: [{ code, field: 'clearedOn', params }] });
    if (input.clearedOn <= before.flag.effectiveOn)
      throw problem('COMPLIANCE_FLAG_CLEARED_NOT_AFTER_EFFECTIVE', {
        clearedOn: input.clearedOn,
        effectiveOn: before.flag.effectiveOn,
      });
    if (input.clearedOn > today)
      throw problem('COMPLIANCE_FLAG_DATE_IN_FUTURE', { date: input.clearedOn, today });

    const updated = await tx
      .update(f)
      .set({
        clearedOn: input.clearedOn,
        clearReason: input.reason.trim(),
        clearedByUserId: actor.userId,
        clearedAt: now,
      })
      .where(and(eq(f.id, input.id), isNull(f.clearedOn)))
      .returning({ id: f.id });
    if (updated.length === 0)
      throw new DomainError('COMPLIANCE_FLAG_ALREADY_CLEARED', { clearedOn: input.clearedOn });
    const [row] = await selectComplianceFlags(tx).where(eq(f.id, input.id));
    const view = toComplianceFlagView(row!, today);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'compliance_flag.cleared',
        entityType: 'compliance_flag',
        entityId: input.id,
        before: { ...toComplianceFlagView(before, today) },
        after: { ...view },
      },
      now,
    );
    return view;
  });
}
