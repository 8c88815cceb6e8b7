import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getVisibleDisposition, loadDispositionDetail, type DispositionDetail } from './disposition-view.ts';
import {
  planDispositionDistribution,
  toDistributionPlanView,
  type DistributionPlanView,
} from './plan-disposition-distribution.ts';

/** 处置详情 with the plan of the next distribution round (null when nothing waits). */
export interface DispositionWithPlan extends DispositionDetail {
  readonly pendingDistribution: DistributionPlanView | null;
}

/** 处置详情 of a disposition whose case the actor sees (else NOT_FOUND). Source: issue 8 item 5. */
export async function getDisposition(id: string, actor: Actor, deps: AppDeps): Promise<DispositionWithPlan> {
  const scope = authorize(actor, 'disposition.read');
  const row = await getVisibleDisposition(deps.db, id, actor, scope);
  const detail = await loadDispositionDetail(deps.db, row);
  const plan = await planDispositionDistribution(deps.db, row, toShanghaiDate(deps.clock.now()));
  return { ...detail, pendingDistribution: plan.proceedsFen === 0n ? null : toDistributionPlanView(plan) };
}

/** The disposition of a case (null when none is open), for the case page. */
export async function findCaseDisposition(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionWithPlan | null> {
  const scope = authorize(actor, 'disposition.read');
  const caseRow = await getVisibleCase(deps.db, caseId, actor, scope);
  const [row] = await deps.db
    .select({ id: tables.dispositionCases.id })
    .from(tables.dispositionCases)
    .where(eq(tables.dispositionCases.caseId, caseRow.id));
  if (row === undefined) return null;
  try {
    return await getDisposition(row.id, actor, deps);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
