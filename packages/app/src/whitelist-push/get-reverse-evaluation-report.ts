import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import {
  loadReverseEvaluations,
  reverseEvaluationVisibility,
  type ReverseEvaluationReportView,
} from './reverse-evaluation-view.ts';

/** One report by id, to read or cite; another bank's is NOT_FOUND. */
export async function getReverseEvaluationReport(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<ReverseEvaluationReportView> {
  const scope = authorize(actor, 'reverse_evaluation.read');
  const { reverseEvaluationReports: r, reverseEvaluationRequests: q } = tables;
  const [row] = await deps.db
    .select({ requestId: r.requestId })
    .from(r)
    .innerJoin(q, eq(q.id, r.requestId))
    .where(and(eq(r.id, input.id), reverseEvaluationVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const [request] = await loadReverseEvaluations(deps.db, eq(q.id, row.requestId), 1);
  const report = request?.reports.find((x) => x.id === input.id);
  if (report === undefined) throw new DomainError('NOT_FOUND');
  return report;
}
