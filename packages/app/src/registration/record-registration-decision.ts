import { DomainError } from '@ipf/domain/errors';
import type { RegistrationDecision } from '@ipf/domain/registration';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import type { RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';
import { settleCaseRegistration, writeRegistrationDecision } from './write-registration-decision.ts';

export interface RecordRegistrationDecisionInput {
  readonly registrationId: string;
  /** The authority's decision as its adapter reports it (registered, refused, or 补正). */
  readonly decision: RegistrationDecision;
}

/**
 * 登记机关答复 (an authority's decision arrives): an adapter that answered `pending` on filing reports the decision
 * later through this use case (the authority's gateway, run by the platform operator). It applies to a
 * registration that is `submitted`, writes it like an immediate answer and moves the case on.
 */
export async function recordRegistrationDecision(
  input: RecordRegistrationDecisionInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const scope = authorize(actor, 'registration.record_decision');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { registration, caseRow } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    if (registration.state !== 'submitted')
      throw new DomainError('REGISTRATION_DECISION_ALREADY_RECORDED', { state: registration.state });
    const updated = await writeRegistrationDecision(tx, deps, actor, registration, input.decision, now);
    await settleCaseRegistration(tx, deps, actor, caseRow.id, input.decision.outcome === 'refused', now);
    const [view] = await toRegistrationViews(tx, [updated]);
    return view!;
  });
}
