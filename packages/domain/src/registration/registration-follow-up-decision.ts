import type { IsoDate } from '../calendar/index.ts';
import type { ProblemDetail } from '../errors/index.ts';
import type { RegistrationState } from './registration-states.ts';

/**
 * 后续登记决定 (decision on a change, extension or cancellation): accepted with its due date (and `provisional`
 * when the holiday calendar lacked a year), or refused with every problem.
 */
export type RegistrationFollowUpDecision<T> =
  | ({ readonly accepted: true; readonly dueDate: IsoDate; readonly provisional: boolean } & T)
  | { readonly accepted: false; readonly problems: readonly ProblemDetail[] };

/** The registered pledge a follow-up application refers to. */
export interface RegisteredPledge {
  readonly registrationNumber: string;
  readonly state: RegistrationState;
  readonly periodStartDate: IsoDate;
  readonly periodEndDate: IsoDate;
  /** Expiry of each pledged asset's term (null = no fixed end), for checks against the debt term. */
  readonly assetExpiryDates: readonly (IsoDate | null)[];
}
