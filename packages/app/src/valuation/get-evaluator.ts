import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { authorize } from '../access/authorize.ts';
import {
  loadEvaluatorDetail,
  type EvaluatorAdmissionRow,
  type EvaluatorDetailView,
} from './evaluator-view.ts';
import { evaluatorVisibility } from './evaluator-visibility.ts';

/** Loads an admission the actor may see, else NOT_FOUND (optionally locked for an update). */
export async function getVisibleEvaluatorAdmission(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  lock = false,
): Promise<EvaluatorAdmissionRow> {
  const query = executor
    .select()
    .from(tables.evaluatorAdmissions)
    .where(and(eq(tables.evaluatorAdmissions.id, id), evaluatorVisibility(actor, scope)));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** 评估机构详情: qualifications, fee sharing, quality score and status history. Source: issue 7 item 6. */
export async function getEvaluator(id: string, actor: Actor, deps: AppDeps): Promise<EvaluatorDetailView> {
  const scope = authorize(actor, 'evaluator.read');
  const row = await getVisibleEvaluatorAdmission(deps.db, id, actor, scope);
  return loadEvaluatorDetail(deps.db, row);
}
