import { and, asc, count, eq, exists, ilike, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toEvaluatorViews, type EvaluatorView } from './evaluator-view.ts';
import { evaluatorVisibility } from './evaluator-visibility.ts';

export interface FindEvaluatorsInput extends PageInput {
  readonly state?: string;
  /** Part of the firm's name. */
  readonly q?: string;
}

const { evaluatorAdmissions, organisations } = tables;

/**
 * 评估机构名录: the admissions the actor may see (banks: admitted firms only; a firm: its own), filtered by state
 * and name, open applications first, then by firm name. Source: issue 7 item 6.
 */
export async function findEvaluators(
  input: FindEvaluatorsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<EvaluatorView>> {
  const scope = authorize(actor, 'evaluator.list');
  const conditions: SQL[] = [evaluatorVisibility(actor, scope)];
  if (input.state !== undefined) conditions.push(eq(evaluatorAdmissions.state, input.state));
  if (input.q !== undefined && input.q.trim() !== '')
    conditions.push(
      exists(
        sql`(select 1 from ${organisations} where ${and(eq(organisations.id, evaluatorAdmissions.organisationId), ilike(organisations.nameZh, likePattern(input.q.trim())))})`,
      ),
    );
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(evaluatorAdmissions)
    .where(where)
    .orderBy(
      sql`case ${evaluatorAdmissions.state} when 'applied' then 0 when 'admitted' then 1 when 'suspended' then 2 else 3 end`,
      asc(evaluatorAdmissions.appliedAt),
      asc(evaluatorAdmissions.id),
    )
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(evaluatorAdmissions).where(where);
  return {
    items: await toEvaluatorViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
