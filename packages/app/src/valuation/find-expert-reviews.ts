import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { expertReviewVisibility, toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

export interface FindExpertReviewsInput extends PageInput {
  readonly state?: string;
  readonly caseId?: string;
  readonly evaluatorOrganisationId?: string;
}

const { expertReviews } = tables;

/**
 * 复核认定列表: the reviews the actor may see (bureau and regulators all; the evaluation firm its own; the bank its
 * cases'; an expert those it was drawn for), open ones first, newest first. Source: issue 7 item 7.
 */
export async function findExpertReviews(
  input: FindExpertReviewsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<ExpertReviewView>> {
  const scope = authorize(actor, 'expert_review.list');
  const conditions: SQL[] = [expertReviewVisibility(actor, scope)];
  if (input.state !== undefined) conditions.push(eq(expertReviews.state, input.state));
  if (input.caseId !== undefined) conditions.push(eq(expertReviews.caseId, input.caseId));
  if (input.evaluatorOrganisationId !== undefined)
    conditions.push(eq(expertReviews.evaluatorOrganisationId, input.evaluatorOrganisationId));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(expertReviews)
    .where(where)
    .orderBy(
      sql`case when ${expertReviews.state} = 'concluded' then 1 else 0 end`,
      desc(expertReviews.createdAt),
      desc(expertReviews.id),
    )
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(expertReviews).where(where);
  return {
    items: await toExpertReviewViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
