import type { HolidayCalendar } from '@ipf/domain/calendar';
import {
  decideRegistration,
  type RegistrationAuthority,
  type RegistrationDecisionContext,
} from '@ipf/domain/registration';
import type { RegistrationAuthorityAdapter } from './registration-authority-adapter.ts';

/** Two-digit province code in the built-in authorities' numbers: Guangdong (the platform is Shenzhen's). */
export const BUILT_IN_REGISTRATION_REGION_CODE = '44';

/**
 * 内置登记机关 (built-in authority adapter): answers a filing at once with `decideRegistration` over the holiday
 * calendar. The decision date is the filing day (or the day the 补正 was completed): paperless filings are
 * examined on receipt, so the demo ledger moves on the same day, while the decision still states the due date
 * the published time limit gives (patents 3 working days, trademarks 2, copyright 10 days) and whether it was met.
 * A registration number is drawn only for a registration (a probe decision first), so refusals and 补正 notices
 * use no number. Source: domain-reference.md "Pledge registration"; issue 5 item 6.
 */
export function createBuiltInRegistrationAdapter(
  authority: RegistrationAuthority,
  calendar: HolidayCalendar,
): RegistrationAuthorityAdapter {
  return {
    authorityId: authority.authorityId,
    authority,
    async file(application, context) {
      const decisionDate = application.correction?.completedDate ?? application.filingDate;
      const base: Omit<RegistrationDecisionContext, 'sequence'> = {
        authority,
        calendar,
        regionCode: BUILT_IN_REGISTRATION_REGION_CODE,
        decisionDate,
      };
      const probe = decideRegistration(application, { ...base, sequence: 1 });
      if (probe.outcome !== 'registered') return { status: 'decided', decision: probe };
      const sequence = await context.allocateSequence(Number(decisionDate.slice(0, 4)));
      return { status: 'decided', decision: decideRegistration(application, { ...base, sequence }) };
    },
  };
}
