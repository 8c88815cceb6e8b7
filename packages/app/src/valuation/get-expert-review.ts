import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { findVisibleExpertReview, toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

/** 复核认定详情: commitment, seed once revealed, drawn experts with their opinions, outcome. Source: issue 7 item 7. */
export async function getExpertReview(id: string, actor: Actor, deps: AppDeps): Promise<ExpertReviewView> {
  const scope = authorize(actor, 'expert_review.read');
  const row = await findVisibleExpertReview(deps.db, id, actor, scope);
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const [view] = await toExpertReviewViews(deps.db, [row]);
  return view!;
}
