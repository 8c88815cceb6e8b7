import type { HolidayCalendar, IsoDate } from '../calendar/index.ts';
import type { ProblemDetail } from '../errors/index.ts';
import { calculateRegistrationDueDate } from './calculate-registration-due-date.ts';
import type { RegistrationAuthority } from './registration-authorities.ts';
import type { RegisteredPledge, RegistrationFollowUpDecision } from './registration-follow-up-decision.ts';

/** 变更事项 (what changes): names, secured amount (fen) or the debt's maturity; at least one. */
export interface RegistrationChanges {
  readonly pledgorName?: string;
  readonly pledgeeName?: string;
  readonly securedAmountFen?: bigint;
  readonly debtMaturityDate?: IsoDate;
}

/** Input of {@link decideRegistrationChange}. */
export interface RegistrationChangeInput {
  readonly authority: RegistrationAuthority;
  readonly pledge: RegisteredPledge;
  readonly requestDate: IsoDate;
  readonly changes: RegistrationChanges;
  readonly calendar: HolidayCalendar;
}

/**
 * 质押登记变更 (change registration): names of the parties, secured amount or debt term of a registered pledge
 * (《专利权质押登记办法》(2021) change registration; trademark rules 2020 change form). Problems:
 * REGISTRATION_NOT_REGISTERED, REGISTRATION_CHANGE_EMPTY, REGISTRATION_SECURED_AMOUNT_INVALID, and
 * PLEDGE_DEBT_MATURES_AFTER_EXPIRY when a new maturity runs past a pledged right's term (ground (6) applies to
 * the changed term as to the first). Due date: the authority's time limit from the request date.
 */
export function decideRegistrationChange(
  input: RegistrationChangeInput,
): RegistrationFollowUpDecision<{ readonly changedFields: readonly (keyof RegistrationChanges)[] }> {
  const { authority, pledge, requestDate, changes } = input;
  const problems: ProblemDetail[] = [];
  const changedFields = (Object.keys(changes) as (keyof RegistrationChanges)[])
    .filter((k) => changes[k] !== undefined)
    .sort();
  if (pledge.state !== 'registered')
    problems.push({
      code: 'REGISTRATION_NOT_REGISTERED',
      field: 'pledge.state',
      params: { state: pledge.state },
    });
  if (changedFields.length === 0) problems.push({ code: 'REGISTRATION_CHANGE_EMPTY', field: 'changes' });
  if (changes.securedAmountFen !== undefined && changes.securedAmountFen <= 0n)
    problems.push({ code: 'REGISTRATION_SECURED_AMOUNT_INVALID', field: 'changes.securedAmountFen' });
  const earliestExpiry = pledge.assetExpiryDates.filter((d): d is IsoDate => d !== null).sort()[0];
  if (
    changes.debtMaturityDate !== undefined &&
    earliestExpiry !== undefined &&
    changes.debtMaturityDate > earliestExpiry
  ) {
    problems.push({
      code: 'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
      field: 'changes.debtMaturityDate',
      params: { debtMaturityDate: changes.debtMaturityDate, expiryDate: earliestExpiry },
    });
  }
  if (problems.length > 0) return { accepted: false, problems };
  const due = calculateRegistrationDueDate(requestDate, authority.serviceTimeLimit, input.calendar);
  return { accepted: true, dueDate: due.date, provisional: due.provisional, changedFields };
}
