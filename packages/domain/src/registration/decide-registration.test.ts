import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '../calendar/index.ts';
import type {
  RegistrationApplication,
  RegistrationAsset,
  RegistrationDecision,
} from './decide-registration.ts';
import { decideRegistration } from './decide-registration.ts';
import {
  registrationAuthorities,
  type RegistrationAuthority,
  type RegistrationAuthorityId,
} from './registration-authorities.ts';
import {
  copyrightApplication,
  patentApplication,
  patentAsset,
  trademarkApplication,
  trademarkAssets,
} from './__fixtures__/registration-applications.ts';

const authority = (id: RegistrationAuthorityId): RegistrationAuthority =>
  registrationAuthorities.find((a) => a.authorityId === id)!;
const decide = (
  application: RegistrationApplication,
  id: RegistrationAuthorityId,
  decisionDate?: string,
): RegistrationDecision =>
  decideRegistration(application, {
    authority: authority(id),
    calendar: CN_HOLIDAY_CALENDAR,
    sequence: 123,
    regionCode: '44',
    ...(decisionDate === undefined ? {} : { decisionDate }),
  });
const withAsset = (
  application: RegistrationApplication,
  patch: Partial<RegistrationAsset['asset']>,
  entry: Partial<RegistrationAsset> = {},
): RegistrationApplication => ({
  ...application,
  assets: [{ ...patentAsset, ...entry, asset: { ...patentAsset.asset, ...patch } }],
});
const grounds = (decision: RegistrationDecision): string[] =>
  decision.outcome === 'refused'
    ? decision.grounds.map((g) => `${g.code}:${g.ground.item}`)
    : [decision.outcome];

describe('decideRegistration: CNIPA patents, one fixture per refusal ground of 《专利权质押登记办法》(2021), with its boundary', () => {
  const cases: { title: string; application: RegistrationApplication; expected: string[] }[] = [
    {
      title: '(1) refuses a pledgor who is not the patentee of record',
      application: { ...patentApplication, pledgor: { partyId: 'ent-other', name: '别的公司' } },
      expected: ['PLEDGE_PLEDGOR_NOT_OWNER:1'],
    },
    {
      title: '(2) refuses a patent invalidated in whole',
      application: withAsset(patentApplication, { legalStatus: 'invalidated' }),
      expected: ['PLEDGE_ASSET_TERMINATED:2'],
    },
    {
      title: '(3) refuses an application not yet granted',
      application: withAsset(patentApplication, { legalStatus: 'pending' }),
      expected: ['PLEDGE_ASSET_NOT_GRANTED:3'],
    },
    {
      title: '(4) refuses an annual fee paid only through the day before the decision',
      application: withAsset(patentApplication, { annualFeePaidThrough: '2026-03-04' }),
      expected: ['PLEDGE_ANNUAL_FEE_UNPAID:4'],
    },
    {
      title: '(4) boundary: allows a fee paid through the decision day itself',
      application: withAsset(patentApplication, { annualFeePaidThrough: '2026-03-05' }),
      expected: ['registered'],
    },
    {
      title: '(5) refuses a patent whose ownership is disputed',
      application: withAsset(patentApplication, { flags: ['ownership_disputed'] }),
      expected: ['PLEDGE_OWNERSHIP_DISPUTED:5'],
    },
    {
      title: '(5) refuses a patent preserved by a court',
      application: withAsset(patentApplication, { flags: ['court_preserved'] }),
      expected: ['PLEDGE_ASSET_SEIZED_OR_PRESERVED:5'],
    },
    {
      title: '(6) boundary: allows a debt maturing on the expiry day (2040-06-18)',
      application: {
        ...patentApplication,
        contract: { ...patentApplication.contract, debtMaturityDate: '2040-06-18' },
      },
      expected: ['registered'],
    },
    {
      title: '(6) refuses a debt maturing the day after the expiry day',
      application: {
        ...patentApplication,
        contract: { ...patentApplication.contract, debtMaturityDate: '2040-06-19' },
      },
      expected: ['PLEDGE_DEBT_MATURES_AFTER_EXPIRY:6'],
    },
    {
      title: '(7) refuses a contract without the scope of the security',
      application: {
        ...patentApplication,
        contract: {
          ...patentApplication.contract,
          presentItems: ['parties', 'secured_claim', 'debt_term', 'pledged_rights'],
        },
      },
      expected: ['REGISTRATION_CONTRACT_CONTENT_MISSING:7'],
    },
    {
      title: '(7) refuses a contract whose secured amount is zero',
      application: {
        ...patentApplication,
        contract: { ...patentApplication.contract, securedAmountFen: 0n },
      },
      expected: ['REGISTRATION_CONTRACT_CONTENT_MISSING:7'],
    },
    {
      title: "(8) refuses a co-owned patent without the other co-owner's consent",
      application: withAsset(patentApplication, {
        owners: [
          { partyId: 'ent-kunpeng', name: '深圳市鲲鹏智能科技有限公司', shareBps: 6000 },
          { partyId: 'uni-sz', name: '深圳某大学', shareBps: 4000 },
        ],
      }),
      expected: ['PLEDGE_CO_OWNER_CONSENT_MISSING:8'],
    },
    {
      title: '(8) allows it with the consent and its written proof filed',
      application: {
        ...withAsset(
          patentApplication,
          {
            owners: [
              { partyId: 'ent-kunpeng', name: '深圳市鲲鹏智能科技有限公司', shareBps: 6000 },
              { partyId: 'uni-sz', name: '深圳某大学', shareBps: 4000 },
            ],
          },
          { coOwnerConsentPartyIds: ['uni-sz'] },
        ),
        materials: [...patentApplication.materials, 'co_owner_consents'],
      },
      expected: ['registered'],
    },
    {
      title: '(9) refuses a patent under a registered pledge whose period runs through the decision day',
      application: withAsset(
        patentApplication,
        {},
        {
          existingPledges: [
            {
              pledgeId: 'plg-live',
              pledgeePartyId: 'bank-x',
              status: 'registered',
              periodStart: '2025-03-05',
              periodEnd: '2026-03-05',
            },
          ],
        },
      ),
      expected: ['PLEDGE_ALREADY_PLEDGED:9'],
    },
    {
      title: '(9) boundary: allows it once that period ended the day before',
      application: withAsset(
        patentApplication,
        {},
        {
          existingPledges: [
            {
              pledgeId: 'plg-live',
              pledgeePartyId: 'bank-x',
              status: 'registered',
              periodStart: '2025-03-05',
              periodEnd: '2026-03-04',
            },
          ],
        },
      ),
      expected: ['registered'],
    },
    {
      title: '(10) refuses a same-day invention + utility model 一案两请 without consent after notice',
      application: withAsset(patentApplication, { sameDayDualApplication: true }),
      expected: ['PLEDGE_SAME_DAY_DUAL_APPLICATION:10'],
    },
    {
      title: '(10) allows it once the parties consented after notice',
      application: {
        ...withAsset(patentApplication, { sameDayDualApplication: true }),
        consentsAfterNotice: { invalidationRequested: false, sameDayDualApplication: true },
      },
      expected: ['registered'],
    },
    {
      title: '(11) refuses a patent under invalidation without consent after notice',
      application: withAsset(patentApplication, { flags: ['invalidation_requested'] }),
      expected: ['PLEDGE_INVALIDATION_REQUESTED:11'],
    },
    {
      title: '(11) allows it once the parties consented after notice',
      application: {
        ...withAsset(patentApplication, { flags: ['invalidation_requested'] }),
        consentsAfterNotice: { invalidationRequested: true, sameDayDualApplication: false },
      },
      expected: ['registered'],
    },
    {
      title: '(12) refuses a pledge to oneself as "other"',
      application: {
        ...patentApplication,
        pledgee: { partyId: 'ent-kunpeng', name: '深圳市鲲鹏智能科技有限公司', kind: 'bank' },
      },
      expected: ['PLEDGE_PLEDGEE_IS_PLEDGOR:12'],
    },
    {
      title: '(12) refuses a kind CNIPA patents does not register (a trademark) as "other"',
      application: trademarkApplication,
      expected: ['REGISTRATION_WRONG_AUTHORITY:12', 'REGISTRATION_WRONG_AUTHORITY:12'],
    },
  ];

  it.each(cases)('$title', ({ application, expected }) => {
    expect(grounds(decide(application, 'cnipa_patent'))).toEqual(expected);
  });

  it('lists every ground at once, not just the first', () => {
    const application = {
      ...withAsset(patentApplication, { legalStatus: 'lapsed', flags: ['court_preserved'] }),
      contract: { ...patentApplication.contract, violatesMandatoryLaw: true },
    };
    expect(grounds(decide(application, 'cnipa_patent'))).toEqual([
      'PLEDGE_ASSET_TERMINATED:2',
      'PLEDGE_ASSET_SEIZED_OR_PRESERVED:5',
      'REGISTRATION_CONTRACT_UNLAWFUL:7',
    ]);
  });

  it('registers a clean application with a deterministic number, the notice and the due date', () => {
    const decision = decide(patentApplication, 'cnipa_patent');
    expect(decision).toMatchObject({
      outcome: 'registered',
      registrationNumber: 'Y2026440000123',
      periodStartDate: '2026-03-02',
      dueDate: '2026-03-05',
      decisionDate: '2026-03-05',
      withinTimeLimit: true,
      provisional: false,
    });
    if (decision.outcome !== 'registered') return;
    expect(decision.notice).toMatchObject({
      titleZh: '专利权质押登记通知书',
      registrationDate: '2026-03-05',
      securedAmountFen: 2_000_000_00n,
      assets: [{ number: '202010566088.9', mainIpcClass: 'G06V 10/00', grantDate: '2022-03-01' }],
      registrationPeriod: { startDate: '2026-03-05', endDate: '2027-03-01' },
      lapsesAtPeriodEnd: false,
    });
    expect(decide(patentApplication, 'cnipa_patent')).toEqual(decision);
  });

  it('flags a decision after the due date as outside the time limit', () => {
    expect(decide(patentApplication, 'cnipa_patent', '2026-03-06')).toMatchObject({
      outcome: 'registered',
      withinTimeLimit: false,
    });
  });

  it('asks for correction (补正) of missing materials: power of attorney via an agent, the declared valuation report', () => {
    const decision = decide(
      {
        ...patentApplication,
        viaAgent: true,
        valuationReportDeclared: true,
        materials: ['application_form', 'pledge_contract'],
      },
      'cnipa_patent',
    );
    expect(decision).toMatchObject({ outcome: 'correction_requested', correctionDeadline: null });
    expect(
      decision.outcome === 'correction_requested' ? decision.missing.map((m) => m.params?.['material']) : [],
    ).toEqual(['identity_or_commitment_letter', 'power_of_attorney', 'valuation_report']);
  });

  it('counts 3 working days from the day after the defect was cured, not from filing', () => {
    const decision = decide(
      {
        ...patentApplication,
        filingDate: '2026-02-10',
        correction: { requestedDate: '2026-02-12', completedDate: '2026-03-02' },
      },
      'cnipa_patent',
    );
    expect(decision).toMatchObject({
      outcome: 'registered',
      periodStartDate: '2026-03-02',
      dueDate: '2026-03-05',
    });
  });
});

describe('decideRegistration: CNIPA trademarks (2020 rules)', () => {
  it('registers both same-or-similar marks pledged together to a guarantor (反担保), with a period that lapses', () => {
    const decision = decide(trademarkApplication, 'cnipa_trademark');
    expect(decision).toMatchObject({
      outcome: 'registered',
      dueDate: '2026-03-04',
      registrationNumber: 'ZC2026440000123',
    });
    if (decision.outcome === 'registered')
      expect(decision.notice).toMatchObject({
        pledgee: { kind: 'guarantor' },
        lapsesAtPeriodEnd: true,
        registrationPeriod: { endDate: '2027-03-01' },
      });
  });

  it("refuses when the pledgor's name does not match the register (ground 1)", () => {
    expect(
      grounds(
        decide(
          { ...trademarkApplication, pledgor: { partyId: 'ent-haiyun', name: '深圳市海韵服饰有限公司' } },
          'cnipa_trademark',
        ),
      ),
    ).toEqual(['PLEDGE_PLEDGOR_NAME_MISMATCH:1', 'PLEDGE_PLEDGOR_NAME_MISMATCH:1']);
  });

  it('refuses a mark without its similar mark on similar goods (must be pledged together, "other" ground 5)', () => {
    expect(
      grounds(decide({ ...trademarkApplication, assets: [trademarkAssets[0]] }, 'cnipa_trademark')),
    ).toEqual(['PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER:5']);
  });

  it('refuses a mark seized by a court (ground 4)', () => {
    const seized = {
      ...trademarkAssets[1],
      asset: { ...trademarkAssets[1].asset, flags: ['court_preserved' as const] },
    };
    expect(
      grounds(decide({ ...trademarkApplication, assets: [trademarkAssets[0], seized] }, 'cnipa_trademark')),
    ).toEqual(['PLEDGE_ASSET_SEIZED_OR_PRESERVED:4']);
  });

  it('gives 30 days to correct, rolled to the next working day when the 30th is a holiday (民法典 art. 203)', () => {
    const decision = decideRegistration(
      {
        ...trademarkApplication,
        filingDate: '2025-08-28',
        materials: ['application_form', 'pledge_contract'],
      },
      {
        authority: authority('cnipa_trademark'),
        calendar: CN_HOLIDAY_CALENDAR,
        sequence: 1,
        regionCode: '44',
        decisionDate: '2025-09-01',
      },
    );
    expect(decision).toMatchObject({ outcome: 'correction_requested', correctionDeadline: '2025-10-09' });
  });

  it('registers a correction cured on the last day of the window and refuses one cured a day later', () => {
    const corrected = (completedDate: string): RegistrationApplication => ({
      ...trademarkApplication,
      filingDate: '2025-08-28',
      correction: { requestedDate: '2025-09-01', completedDate },
    });
    expect(decide(corrected('2025-10-09'), 'cnipa_trademark')).toMatchObject({
      outcome: 'registered',
      periodStartDate: '2025-10-09',
      dueDate: '2025-10-11',
    });
    expect(grounds(decide(corrected('2025-10-10'), 'cnipa_trademark'))).toEqual([
      'REGISTRATION_CORRECTION_OVERDUE:null',
    ]);
  });
});

describe('decideRegistration: copyright (《著作权质权登记办法》)', () => {
  it('registers within 10 days, a period ending on National Day rolling to the next working day', () => {
    expect(decide({ ...copyrightApplication, filingDate: '2025-09-21' }, 'copyright_centre')).toMatchObject({
      outcome: 'registered',
      dueDate: '2025-10-09',
      registrationNumber: 'ZQ2025440000123',
    });
  });

  it('refuses a contract violating mandatory law (art. 12 (2))', () => {
    expect(
      grounds(
        decide(
          {
            ...copyrightApplication,
            contract: { ...copyrightApplication.contract, violatesMandatoryLaw: true },
          },
          'copyright_centre',
        ),
      ),
    ).toEqual(['REGISTRATION_CONTRACT_UNLAWFUL:2']);
  });

  it('refuses a debt maturing after the copyright term (art. 12 (4)), allows one maturing on its last day (2071-12-31)', () => {
    const maturing = (date: string) => ({
      ...copyrightApplication,
      contract: { ...copyrightApplication.contract, debtMaturityDate: date },
    });
    expect(grounds(decide(maturing('2071-12-31'), 'copyright_centre'))).toEqual(['registered']);
    expect(grounds(decide(maturing('2072-01-01'), 'copyright_centre'))).toEqual([
      'PLEDGE_DEBT_MATURES_AFTER_EXPIRY:4',
    ]);
  });

  it('asks for the prior licence contracts by correction instead of refusing', () => {
    const entry = copyrightApplication.assets[0]!;
    const undisclosed = {
      ...entry,
      asset: {
        ...entry.asset,
        licences: entry.asset.licences.map((l) => ({ ...l, disclosedToPledgee: false })),
      },
    };
    const decision = decide({ ...copyrightApplication, assets: [undisclosed] }, 'copyright_centre');
    expect(
      decision.outcome === 'correction_requested' ? decision.missing.map((m) => m.code) : decision.outcome,
    ).toEqual(['PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED']);
  });
});

describe('decideRegistration: receivables registry and data-IP platform', () => {
  const licenceRight: RegistrationAsset = {
    ...patentAsset,
    asset: {
      ...patentAsset.asset,
      assetId: 'lr-1',
      kind: 'licence_revenue_right',
      number: 'LR-1',
      ipcClasses: [],
      term: { kind: 'licence_revenue_right', contractEndDate: '2028-12-31' },
      legalStatus: 'registered',
      annualFeePaidThrough: null,
    },
  };

  it('registers a licence-revenue right on the filing day without examining substance (the filer answers for it)', () => {
    const decision = decide(
      {
        ...patentApplication,
        assets: [{ ...licenceRight, asset: { ...licenceRight.asset, flags: ['ownership_disputed'] } }],
      },
      'pboc_receivables',
    );
    expect(decision).toMatchObject({
      outcome: 'registered',
      dueDate: '2026-03-02',
      registrationNumber: 'DR2026440000123',
    });
  });

  it('refuses a data-IP record that expired before the debt matures, with no numbered ground (民法典)', () => {
    const dataIp: RegistrationAsset = {
      ...licenceRight,
      asset: {
        ...licenceRight.asset,
        assetId: 'dip-1',
        kind: 'data_ip',
        term: { kind: 'data_ip', validUntil: '2026-12-31' },
      },
    };
    expect(grounds(decide({ ...patentApplication, assets: [dataIp] }, 'sz_data_ip'))).toEqual([
      'PLEDGE_DEBT_MATURES_AFTER_EXPIRY:null',
    ]);
  });
});
