import type { HolidayCalendar, IsoDate } from '../calendar/index.ts';
import type { ProblemDetail } from '../errors/index.ts';
import { calculateRegistrationDueDate } from './calculate-registration-due-date.ts';
import type { RegistrationAuthority } from './registration-authorities.ts';
import type { RegisteredPledge, RegistrationFollowUpDecision } from './registration-follow-up-decision.ts';

/** 注销原因 (reason for cancellation). */
export type RegistrationCancellationReason =
  'debt_performed' | 'pledge_realised' | 'pledgee_waived' | 'contract_terminated' | 'court_order';

/** Input of {@link decideRegistrationCancellation}. */
export interface RegistrationCancellationInput {
  readonly authority: RegistrationAuthority;
  readonly pledge: RegisteredPledge;
  readonly requestDate: IsoDate;
  readonly reason: RegistrationCancellationReason;
  /** Who applies: both parties, or one of them alone. */
  readonly requestedBy: 'joint' | 'pledgee' | 'pledgor';
  /** Proof for a one-sided application (repayment certificate, court judgment, waiver by the pledgee). */
  readonly evidenceProvided: boolean;
  readonly calendar: HolidayCalendar;
}

/**
 * 质押登记注销 (cancellation): accepted for a registered pledge when both parties apply, or the pledgee applies
 * (it gives up its own right), or the pledgor applies with proof that the debt was performed, the pledge realised
 * or a court so ordered (《专利权质押登记办法》(2021) cancellation; trademark rules 2020 cancellation form).
 * Problems: REGISTRATION_NOT_REGISTERED, REGISTRATION_CANCELLATION_EVIDENCE_REQUIRED.
 */
export function decideRegistrationCancellation(
  input: RegistrationCancellationInput,
): RegistrationFollowUpDecision<{ readonly reason: RegistrationCancellationReason }> {
  const { authority, pledge, requestDate } = input;
  const problems: ProblemDetail[] = [];
  if (pledge.state !== 'registered')
    problems.push({
      code: 'REGISTRATION_NOT_REGISTERED',
      field: 'pledge.state',
      params: { state: pledge.state },
    });
  if (input.requestedBy === 'pledgor' && !input.evidenceProvided)
    problems.push({
      code: 'REGISTRATION_CANCELLATION_EVIDENCE_REQUIRED',
      field: 'evidenceProvided',
      params: { reason: input.reason },
    });
  if (problems.length > 0) return { accepted: false, problems };
  const due = calculateRegistrationDueDate(requestDate, authority.serviceTimeLimit, input.calendar);
  return { accepted: true, dueDate: due.date, provisional: due.provisional, reason: input.reason };
}
