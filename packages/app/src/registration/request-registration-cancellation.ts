import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import {
  decideRegistrationCancellation,
  type RegistrationCancellationReason,
} from '@ipf/domain/registration';
import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { registeredPledgeOf, throwFollowUpProblems } from './registered-pledge-of.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';
import { releaseAssetPledgeLocks } from './take-asset-pledge-locks.ts';
import { writeRegistrationEvent } from './write-registration-decision.ts';

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
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const { registration, caseRow } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    if (input.reason === 'debt_performed' && caseRow.state !== 'closed')
      throw new DomainError('REGISTRATION_DEBT_NOT_PERFORMED', {
        caseNumber: caseRow.caseNumber,
        state: caseRow.state,
      });
    const { pledge, authority } = await registeredPledgeOf(tx, registration);
    const decision = decideRegistrationCancellation({
      authority,
      pledge,
      requestDate: today,
      reason: input.reason,
      requestedBy: 'pledgee',
      evidenceProvided: false,
      calendar: CN_HOLIDAY_CALENDAR,
    });
    if (!decision.accepted) throwFollowUpProblems(decision.problems);
    const requested = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      {
        row: registration,
        event: 'request_cancellation',
        detail: { reason: input.reason, dueDate: decision.dueDate },
      },
      now,
    );
    const cancelled = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      { row: requested, event: 'complete_cancellation', detail: { reason: input.reason } },
      now,
    );
    await releaseAssetPledgeLocks(tx, [registration.id], now);
    const [view] = await toRegistrationViews(tx, [cancelled]);
    return view!;
  });
}
