import type { RegistrationCancellationReason } from '@ipf/domain/registration';
import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { cancelRegisteredPledge } from './cancel-registered-pledge.ts';
import type { RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';

export interface RequestRegistrationCancellationInput {
  readonly registrationId: string;
  readonly reason: RegistrationCancellationReason;
}

/**
 * 注销登记 (cancellation): the pledgee's side applies (it gives up its own right, so no further proof is needed),
 * decided by `decideRegistrationCancellation`; the built-in authority completes it on receipt and the asset locks
 * are released, so the assets may be pledged again. "Debt performed" (债务已履行) is only true of a closed case:
 * cancelling on that ground while money is owed would release the security, so it is refused.
 * Source: 《专利权质押登记办法》(2021) 注销; 民法典 art. 393 (the pledge ends when the secured claim ends).
 */
export async function requestRegistrationCancellation(
  input: RequestRegistrationCancellationInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const scope = authorize(actor, 'registration.submit');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { registration, caseRow } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    if (input.reason === 'debt_performed' && caseRow.state !== 'closed')
      throw new DomainError('REGISTRATION_DEBT_NOT_PERFORMED', {
        caseNumber: caseRow.caseNumber,
        state: caseRow.state,
      });
    const cancelled = await cancelRegisteredPledge(
      tx,
      deps,
      actor,
      { registration, reason: input.reason },
      now,
    );
    const [view] = await toRegistrationViews(tx, [cancelled]);
    return view!;
  });
}
