import type { HolidayCalendar, IsoDate } from '../calendar/index.ts';
import type { ProblemDetail } from '../errors/index.ts';
import { calculateRegistrationDueDate } from './calculate-registration-due-date.ts';
import type { RegistrationAuthority } from './registration-authorities.ts';
import type { RegisteredPledge, RegistrationFollowUpDecision } from './registration-follow-up-decision.ts';

/** Input of {@link decideRegistrationExtension}. */
export interface RegistrationExtensionInput {
  readonly authority: RegistrationAuthority;
  readonly pledge: RegisteredPledge;
  readonly requestDate: IsoDate;
  /** The new last day of the registration period (the extended debt term). */
  readonly newPeriodEndDate: IsoDate;
  readonly calendar: HolidayCalendar;
}

/**
 * 质权登记延期 (extension of a trademark pledge registration period): accepted when the authority keeps periods
 * (trademarks; 《注册商标专用权质押登记程序规定》(2020): the registration lapses at the end of its period unless
 * extended), the pledge is registered, the request is filed on or before the period's last day, the new end is
 * later, and no pledged mark's term ends before it. Problems: REGISTRATION_EXTENSION_NOT_SUPPORTED,
 * REGISTRATION_NOT_REGISTERED, REGISTRATION_EXTENSION_TOO_LATE, REGISTRATION_EXTENSION_NOT_LATER,
 * PLEDGE_DEBT_MATURES_AFTER_EXPIRY. Due date: the authority's time limit from the request date.
 */
export function decideRegistrationExtension(
  input: RegistrationExtensionInput,
): RegistrationFollowUpDecision<{ readonly periodEndDate: IsoDate }> {
  const { authority, pledge, requestDate, newPeriodEndDate } = input;
  const problems: ProblemDetail[] = [];
  if (!authority.supportsExtension)
    problems.push({
      code: 'REGISTRATION_EXTENSION_NOT_SUPPORTED',
      field: 'authorityId',
      params: { authorityId: authority.authorityId },
    });
  if (pledge.state !== 'registered')
    problems.push({
      code: 'REGISTRATION_NOT_REGISTERED',
      field: 'pledge.state',
      params: { state: pledge.state },
    });
  if (requestDate > pledge.periodEndDate)
    problems.push({
      code: 'REGISTRATION_EXTENSION_TOO_LATE',
      field: 'requestDate',
      params: { requestDate, periodEndDate: pledge.periodEndDate },
    });
  if (newPeriodEndDate <= pledge.periodEndDate)
    problems.push({
      code: 'REGISTRATION_EXTENSION_NOT_LATER',
      field: 'newPeriodEndDate',
      params: { newPeriodEndDate, periodEndDate: pledge.periodEndDate },
    });
  const earliestExpiry = pledge.assetExpiryDates.filter((d): d is IsoDate => d !== null).sort()[0];
  if (earliestExpiry !== undefined && newPeriodEndDate > earliestExpiry) {
    problems.push({
      code: 'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
      field: 'newPeriodEndDate',
      params: { debtMaturityDate: newPeriodEndDate, expiryDate: earliestExpiry },
    });
  }
  if (problems.length > 0) return { accepted: false, problems };
  const due = calculateRegistrationDueDate(requestDate, authority.serviceTimeLimit, input.calendar);
  return { accepted: true, dueDate: due.date, provisional: due.provisional, periodEndDate: newPeriodEndDate };
}
