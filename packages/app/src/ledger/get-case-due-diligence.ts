import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { loadCaseDueDiligence, type CaseDueDiligenceView } from './due-diligence-view.ts';
import { getVisibleCase } from './transition-case.ts';

/** 尽职调查 of a case for everyone who sees the case; a case outside the actor's scope is NOT_FOUND. */
export async function getCaseDueDiligence(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDueDiligenceView> {
  const scope = authorize(actor, 'case.read');
  const row = await getVisibleCase(deps.db, id, actor, scope);
  return loadCaseDueDiligence(deps.db, row);
}
