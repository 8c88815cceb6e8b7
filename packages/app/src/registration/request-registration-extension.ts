import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import { decideRegistrationExtension } from '@ipf/domain/registration';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { registeredPledgeOf, throwFollowUpProblems } from './registered-pledge-of.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';
import { writeRegistrationEvent } from './write-registration-decision.ts';

export interface RequestRegistrationExtensionInput {
  readonly registrationId: string;
  /** The new last day of the registration period (the extended debt term). */
  readonly newPeriodEndDate: string;
}

/**
 * 质权登记延期 (extension of a trademark pledge's registration period): decided by `decideRegistrationExtension`
 * (only authorities with a period, filed on or before its last day, a later end within every mark's term); the
 * built-in authority completes an accepted extension on receipt; a refused one changes nothing.
 * Source: 《注册商标专用权质押登记程序规定》(2020).
 */
export async function requestRegistrationExtension(
  input: RequestRegistrationExtensionInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const scope = authorize(actor, 'registration.submit');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const { registration } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    const { pledge, authority } = await registeredPledgeOf(tx, registration);
    const decision = decideRegistrationExtension({
      authority,
      pledge,
      requestDate: today,
      newPeriodEndDate: input.newPeriodEndDate,
      calendar: CN_HOLIDAY_CALENDAR,
    });
    if (!decision.accepted) throwFollowUpProblems(decision.problems);
    const requested = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      {
        row: registration,
        event: 'request_extension',
        detail: { newPeriodEndDate: input.newPeriodEndDate, dueDate: decision.dueDate },
      },
      now,
    );
    const completed = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      {
        row: requested,
        event: 'complete_extension',
        patch: { periodEndDate: decision.periodEndDate },
        detail: { periodEndDate: decision.periodEndDate },
      },
      now,
    );
    const [view] = await toRegistrationViews(tx, [completed]);
    return view!;
  });
}
