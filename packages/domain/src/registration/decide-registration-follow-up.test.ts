import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '../calendar/index.ts';
import { decideRegistrationCancellation } from './decide-registration-cancellation.ts';
import { decideRegistrationChange } from './decide-registration-change.ts';
import { decideRegistrationExtension } from './decide-registration-extension.ts';
import { registrationAuthorities } from './registration-authorities.ts';
import type { RegisteredPledge } from './registration-follow-up-decision.ts';

const trademark = registrationAuthorities.find((a) => a.authorityId === 'cnipa_trademark')!;
const patent = registrationAuthorities.find((a) => a.authorityId === 'cnipa_patent')!;
const pledge: RegisteredPledge = {
  registrationNumber: 'ZC2026440000123',
  state: 'registered',
  periodStartDate: '2026-03-04',
  periodEndDate: '2027-03-01',
  assetExpiryDates: ['2029-05-06'],
};
const calendar = CN_HOLIDAY_CALENDAR;
const codes = (d: { accepted: boolean; problems?: readonly { code: string }[] }) =>
  d.accepted ? [] : (d.problems ?? []).map((p) => p.code);

describe('decideRegistrationExtension (trademark registration period)', () => {
  it('extends a period when asked on its last day, due in 2 working days', () => {
    expect(
      decideRegistrationExtension({
        authority: trademark,
        pledge,
        requestDate: '2027-03-01',
        newPeriodEndDate: '2028-03-01',
        calendar,
      }),
    ).toMatchObject({ accepted: true, periodEndDate: '2028-03-01', dueDate: '2027-03-03' });
  });

  it('refuses a request made the day after the period ended (the registration has lapsed)', () => {
    expect(
      codes(
        decideRegistrationExtension({
          authority: trademark,
          pledge,
          requestDate: '2027-03-02',
          newPeriodEndDate: '2028-03-01',
          calendar,
        }),
      ),
    ).toEqual(['REGISTRATION_EXTENSION_TOO_LATE']);
  });

  it("refuses a new end not later than the old one, or past the mark's term (boundary: its last day is allowed)", () => {
    expect(
      codes(
        decideRegistrationExtension({
          authority: trademark,
          pledge,
          requestDate: '2027-01-01',
          newPeriodEndDate: '2027-03-01',
          calendar,
        }),
      ),
    ).toEqual(['REGISTRATION_EXTENSION_NOT_LATER']);
    expect(
      decideRegistrationExtension({
        authority: trademark,
        pledge,
        requestDate: '2027-01-01',
        newPeriodEndDate: '2029-05-06',
        calendar,
      }).accepted,
    ).toBe(true);
    expect(
      codes(
        decideRegistrationExtension({
          authority: trademark,
          pledge,
          requestDate: '2027-01-01',
          newPeriodEndDate: '2029-05-07',
          calendar,
        }),
      ),
    ).toEqual(['PLEDGE_DEBT_MATURES_AFTER_EXPIRY']);
  });

  it('refuses extension at an authority without registration periods (patents)', () => {
    expect(
      codes(
        decideRegistrationExtension({
          authority: patent,
          pledge,
          requestDate: '2027-01-01',
          newPeriodEndDate: '2028-01-01',
          calendar,
        }),
      ),
    ).toEqual(['REGISTRATION_EXTENSION_NOT_SUPPORTED']);
  });
});

describe('decideRegistrationChange', () => {
  it("accepts a change of the secured amount, due in the authority's time limit", () => {
    expect(
      decideRegistrationChange({
        authority: patent,
        pledge,
        requestDate: '2025-09-30',
        changes: { securedAmountFen: 1_500_000_00n },
        calendar,
      }),
    ).toMatchObject({ accepted: true, dueDate: '2025-10-11', changedFields: ['securedAmountFen'] });
  });

  it("refuses an empty change, a change of a pledge not registered, and a new maturity past the right's term", () => {
    expect(
      codes(
        decideRegistrationChange({
          authority: patent,
          pledge: { ...pledge, state: 'cancelled' },
          requestDate: '2026-04-01',
          changes: {},
          calendar,
        }),
      ),
    ).toEqual(['REGISTRATION_NOT_REGISTERED', 'REGISTRATION_CHANGE_EMPTY']);
    expect(
      codes(
        decideRegistrationChange({
          authority: patent,
          pledge,
          requestDate: '2026-04-01',
          changes: { debtMaturityDate: '2029-05-07' },
          calendar,
        }),
      ),
    ).toEqual(['PLEDGE_DEBT_MATURES_AFTER_EXPIRY']);
  });
});

describe('decideRegistrationCancellation (注销)', () => {
  it('cancels on a joint application after repayment', () => {
    expect(
      decideRegistrationCancellation({
        authority: patent,
        pledge,
        requestDate: '2026-04-01',
        reason: 'debt_performed',
        requestedBy: 'joint',
        evidenceProvided: false,
        calendar,
      }),
    ).toMatchObject({ accepted: true, dueDate: '2026-04-07' });
  });

  it('needs proof when the pledgor applies alone', () => {
    expect(
      codes(
        decideRegistrationCancellation({
          authority: patent,
          pledge,
          requestDate: '2026-04-01',
          reason: 'debt_performed',
          requestedBy: 'pledgor',
          evidenceProvided: false,
          calendar,
        }),
      ),
    ).toEqual(['REGISTRATION_CANCELLATION_EVIDENCE_REQUIRED']);
    expect(
      decideRegistrationCancellation({
        authority: patent,
        pledge,
        requestDate: '2026-04-01',
        reason: 'debt_performed',
        requestedBy: 'pledgor',
        evidenceProvided: true,
        calendar,
      }).accepted,
    ).toBe(true);
  });
});
