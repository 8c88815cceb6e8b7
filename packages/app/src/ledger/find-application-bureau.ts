import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { findSupervisingBureau, type SupervisingBureau } from './find-supervising-bureau.ts';

/**
 * 申请授权的主管部门 (the bureau an application consents to): the applying enterprise's district IP bureau, or
 * the city bureau, so the apply page can name it in the consent the enterprise ticks.
 */
export async function findApplicationBureau(actor: Actor, deps: AppDeps): Promise<SupervisingBureau> {
  authorize(actor, 'case.apply');
  return findSupervisingBureau(deps.db, actor.organisationId);
}
