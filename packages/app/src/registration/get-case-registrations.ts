import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { loadCaseRegistrations } from './load-case-registrations.ts';
import { getRegistrationCase } from './registration-case-visibility.ts';
import type { RegistrationView } from './registration-view.ts';

/**
 * 案件质押登记 (the registrations of a case, for its detail page): state, application and registration numbers,
 * notice, dates and working days, refusal grounds and missing materials with their messages. A case outside the
 * actor's scope is NOT_FOUND.
 */
export async function getCaseRegistrations(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<RegistrationView[]> {
  const scope = authorize(actor, 'registration.read');
  const row = await getRegistrationCase(deps.db, caseId, actor, scope);
  return loadCaseRegistrations(deps.db, row.id);
}
