import { decideRegistrationChange, type RegistrationChanges } from '@ipf/domain/registration';
import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { registeredPledgeOf, throwFollowUpProblems } from './registered-pledge-of.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';
import { writeRegistrationEvent } from './write-registration-decision.ts';

export interface RequestRegistrationChangeInput {
  readonly registrationId: string;
  readonly changes: RegistrationChanges;
}

/**
 * 变更登记 (change registration): names, secured amount or the debt's maturity of a registered pledge, decided by
 * `decideRegistrationChange` (a new maturity may not pass a pledged right's expiry, ground (6)). The built-in
 * authority completes an accepted change on receipt (request_change → complete_change, the due date stated); a
 * refused one changes nothing and answers every problem.
 */
export async function requestRegistrationChange(
  input: RequestRegistrationChangeInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const scope = authorize(actor, 'registration.submit');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const { registration } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    const { pledge, authority } = await registeredPledgeOf(tx, registration);
    const decision = decideRegistrationChange({
      authority,
      pledge,
      requestDate: today,
      changes: input.changes,
      calendar: CN_HOLIDAY_CALENDAR,
    });
    if (!decision.accepted) throwFollowUpProblems(decision.problems);
    const requested = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      { row: registration, event: 'request_change', detail: { ...input.changes, dueDate: decision.dueDate } },
      now,
    );
    const completed = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      {
        row: requested,
        event: 'complete_change',
        patch: {
          ...(input.changes.securedAmountFen === undefined
            ? {}
            : { securedAmountFen: input.changes.securedAmountFen }),
          ...(input.changes.debtMaturityDate === undefined
            ? {}
            : { periodEndDate: input.changes.debtMaturityDate }),
        },
        detail: { changedFields: [...decision.changedFields] },
      },
      now,
    );
    const [view] = await toRegistrationViews(tx, [completed]);
    return view!;
  });
}
