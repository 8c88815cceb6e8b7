import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import {
  decideRegistrationCancellation,
  type RegistrationCancellationReason,
} from '@ipf/domain/registration';
import type { Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { registeredPledgeOf, throwFollowUpProblems } from './registered-pledge-of.ts';
import type { RegistrationRow } from './registration-view.ts';
import { releaseAssetPledgeLocks } from './take-asset-pledge-locks.ts';
import { writeRegistrationEvent } from './write-registration-decision.ts';

export interface CancelRegisteredPledgeInput {
  /** The registration on the register (`registered`) to cancel. */
  readonly registration: RegistrationRow;
  readonly reason: RegistrationCancellationReason;
}

/**
 * 注销登记 (cancel a registered pledge), in the caller's transaction: the pledgee applies (no further proof
 * needed, it gives up its own right), `decideRegistrationCancellation` decides under the authority's rule (a
 * refusal throws its problems, nothing written), the built-in authority completes the cancellation on receipt
 * (two events on the registration timeline, each audited) and the asset locks are released, so the assets may
 * be pledged again. Returns the cancelled registration row.
 * Source: 《专利权质押登记办法》(2021) 注销.
 */
export async function cancelRegisteredPledge(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  input: CancelRegisteredPledgeInput,
  now: Date,
): Promise<RegistrationRow> {
  const { registration, reason } = input;
  const { pledge, authority } = await registeredPledgeOf(tx, registration);
  const decision = decideRegistrationCancellation({
    authority,
    pledge,
    requestDate: toShanghaiDate(now),
    reason,
    requestedBy: 'pledgee',
    evidenceProvided: false,
    calendar: CN_HOLIDAY_CALENDAR,
  });
  if (!decision.accepted) throwFollowUpProblems(decision.problems);

  const requested = await writeRegistrationEvent(
    tx,
    deps,
    actor,
    { row: registration, event: 'request_cancellation', detail: { reason, dueDate: decision.dueDate } },
    now,
  );
  const cancelled = await writeRegistrationEvent(
    tx,
    deps,
    actor,
    { row: requested, event: 'complete_cancellation', detail: { reason } },
    now,
  );
  await releaseAssetPledgeLocks(tx, [registration.id], now);
  return cancelled;
}
