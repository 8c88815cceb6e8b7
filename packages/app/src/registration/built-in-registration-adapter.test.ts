import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import {
  registrationAuthorities,
  type RegistrationApplication,
  type RegistrationAsset,
  type RegistrationAuthorityId,
} from '@ipf/domain/registration';
import { createBuiltInRegistrationAdapter } from './built-in-registration-adapter.ts';

const adapterOf = (id: RegistrationAuthorityId) =>
  createBuiltInRegistrationAdapter(
    registrationAuthorities.find((a) => a.authorityId === id)!,
    CN_HOLIDAY_CALENDAR,
  );

/** A clean patent application (invented parties): filed Monday 2026-03-02, the patent expires 2040-06-18. */
const patent: RegistrationAsset = {
  asset: {
    assetId: 'pat-1',
    kind: 'invention_patent',
    number: '202010566088.9',
    title: '一种图像识别方法',
    ipcClasses: ['G06V 10/00'],
    grantDate: '2022-03-01',
    term: { kind: 'invention_patent', filingDate: '2020-06-19', termCompensationDays: 0 },
    legalStatus: 'granted',
    flags: [],
    owners: [{ partyId: 'ent-a', name: '深圳市甲乙科技有限公司', shareBps: 10000 }],
    annualFeePaidThrough: '2026-06-18',
    similarMarkAssetIds: [],
    sameDayDualApplication: false,
    licences: [],
  },
  existingPledges: [],
  coOwnerConsentPartyIds: [],
};
const application: RegistrationApplication = {
  applicationId: 'reg-1',
  pledgor: { partyId: 'ent-a', name: '深圳市甲乙科技有限公司' },
  pledgee: { partyId: 'bank-a', name: '某银行深圳南山支行', kind: 'bank' },
  assets: [patent],
  consentsAfterNotice: { invalidationRequested: false, sameDayDualApplication: false },
  contract: {
    securedAmountFen: 1_000_000_00n,
    debtStartDate: '2026-03-02',
    debtMaturityDate: '2027-03-02',
    presentItems: ['parties', 'secured_claim', 'debt_term', 'pledged_rights', 'security_scope'],
    violatesMandatoryLaw: false,
  },
  materials: ['application_form', 'identity_or_commitment_letter', 'pledge_contract'],
  viaAgent: false,
  valuationReportDeclared: false,
  filingDate: '2026-03-02',
};
const withAsset = (
  patch: Partial<RegistrationAsset['asset']>,
  entry: Partial<RegistrationAsset> = {},
): RegistrationApplication => ({
  ...application,
  assets: [{ ...patent, ...entry, asset: { ...patent.asset, ...patch } }],
});
const maturing = (debtMaturityDate: string): RegistrationApplication => ({
  ...application,
  contract: { ...application.contract, debtMaturityDate },
});

async function answer(app: RegistrationApplication, id: RegistrationAuthorityId = 'cnipa_patent') {
  let sequence = 41;
  const result = await adapterOf(id).file(app, { allocateSequence: () => Promise.resolve((sequence += 1)) });
  if (result.status !== 'decided') throw new Error('the built-in authority answers at once');
  return result.decision;
}
const outcome = async (app: RegistrationApplication, id?: RegistrationAuthorityId) => {
  const d = await answer(app, id);
  return d.outcome === 'refused' ? d.grounds.map((g) => `${g.code}:${g.ground.item}`) : [d.outcome];
};

describe('built-in CNIPA patent authority: one fixture per refusal ground, with its boundary', () => {
  const cases: [string, RegistrationApplication, string[]][] = [
    [
      '(1) refuses a pledgor who is not the patentee',
      { ...application, pledgor: { partyId: 'ent-b', name: '别的公司' } },
      ['PLEDGE_PLEDGOR_NOT_OWNER:1'],
    ],
    [
      '(2) refuses an invalidated patent',
      withAsset({ legalStatus: 'invalidated' }),
      ['PLEDGE_ASSET_TERMINATED:2'],
    ],
    [
      '(3) refuses an application not yet granted',
      withAsset({ legalStatus: 'pending' }),
      ['PLEDGE_ASSET_NOT_GRANTED:3'],
    ],
    [
      '(4) refuses an annual fee paid only through the day before filing',
      withAsset({ annualFeePaidThrough: '2026-03-01' }),
      ['PLEDGE_ANNUAL_FEE_UNPAID:4'],
    ],
    [
      '(4) boundary: registers a fee paid through the filing day itself',
      withAsset({ annualFeePaidThrough: '2026-03-02' }),
      ['registered'],
    ],
    [
      '(5) refuses a patent under court preservation',
      withAsset({ flags: ['court_preserved'] }),
      ['PLEDGE_ASSET_SEIZED_OR_PRESERVED:5'],
    ],
    [
      '(5) refuses a patent whose ownership is disputed',
      withAsset({ flags: ['ownership_disputed'] }),
      ['PLEDGE_OWNERSHIP_DISPUTED:5'],
    ],
    [
      '(6) boundary: registers a debt maturing on the expiry day 2040-06-18',
      maturing('2040-06-18'),
      ['registered'],
    ],
    [
      '(6) refuses a debt maturing one day after the expiry',
      maturing('2040-06-19'),
      ['PLEDGE_DEBT_MATURES_AFTER_EXPIRY:6'],
    ],
    [
      "(8) refuses a co-owned patent without the co-owner's consent",
      withAsset({
        owners: [
          { partyId: 'ent-a', name: '深圳市甲乙科技有限公司', shareBps: 6000 },
          { partyId: 'uni-x', name: '某大学', shareBps: 4000 },
        ],
      }),
      ['PLEDGE_CO_OWNER_CONSENT_MISSING:8'],
    ],
    [
      '(9) refuses a patent already pledged whose period runs through the filing day',
      withAsset(
        {},
        {
          existingPledges: [
            {
              pledgeId: 'p-1',
              pledgeePartyId: 'bank-b',
              status: 'registered',
              periodStart: '2025-03-02',
              periodEnd: '2026-03-02',
            },
          ],
        },
      ),
      ['PLEDGE_ALREADY_PLEDGED:9'],
    ],
    [
      '(9) boundary: registers once the earlier pledge period ended the day before',
      withAsset(
        {},
        {
          existingPledges: [
            {
              pledgeId: 'p-1',
              pledgeePartyId: 'bank-b',
              status: 'registered',
              periodStart: '2025-03-02',
              periodEnd: '2026-03-01',
            },
          ],
        },
      ),
      ['registered'],
    ],
    [
      '(7) refuses a contract without the scope of the security',
      {
        ...application,
        contract: {
          ...application.contract,
          presentItems: ['parties', 'secured_claim', 'debt_term', 'pledged_rights'],
        },
      },
      ['REGISTRATION_CONTRACT_CONTENT_MISSING:7'],
    ],
  ];
  for (const [title, app, expected] of cases)
    it(title, async () => {
      expect(await outcome(app)).toEqual(expected);
    });

  it('refuses a kind the authority does not register (a trademark filed with the patent authority)', async () => {
    const grounds = await outcome(withAsset({ kind: 'trademark' }));
    expect(grounds[0]).toMatch(/^REGISTRATION_WRONG_AUTHORITY:/);
  });

  it('registers with a number from the sequence and a due date of 3 working days across National Day', async () => {
    const decision = await answer({ ...application, filingDate: '2025-09-30' });
    expect(decision.outcome).toBe('registered');
    if (decision.outcome !== 'registered') return;
    expect(decision.registrationNumber).toBe('Y2025440000042');
    expect(decision.decisionDate).toBe('2025-09-30');
    // 10-01…10-08 are holidays; 10-11 (Saturday) is a 调休 working day: the third working day after filing.
    expect(decision.dueDate).toBe('2025-10-11');
    expect(decision.withinTimeLimit).toBe(true);
    expect(decision.notice.titleZh).toBe('专利权质押登记通知书');
  });

  it('asks for a 补正 listing the pledge contract when it is not on file, and draws no number', async () => {
    let drawn = 0;
    const result = await adapterOf('cnipa_patent').file(
      { ...application, materials: ['application_form', 'identity_or_commitment_letter'] },
      { allocateSequence: () => Promise.resolve((drawn += 1)) },
    );
    expect(result.status === 'decided' && result.decision.outcome).toBe('correction_requested');
    if (result.status === 'decided' && result.decision.outcome === 'correction_requested')
      expect(result.decision.missing.map((m) => m.params?.['material'])).toEqual(['pledge_contract']);
    expect(drawn).toBe(0);
  });
});

describe('built-in trademark and copyright authorities', () => {
  const mark = (assetId: string, similar: string): RegistrationAsset => ({
    asset: {
      ...patent.asset,
      assetId,
      kind: 'trademark',
      number: assetId,
      ipcClasses: [],
      term: { kind: 'trademark', registrationDate: '2019-05-07', renewalCount: 0 },
      legalStatus: 'registered',
      annualFeePaidThrough: null,
      similarMarkAssetIds: [similar],
    },
    existingPledges: [],
    coOwnerConsentPartyIds: [],
  });
  it('refuses a mark pledged without its similar mark (trademark rules 2020) and registers them together', async () => {
    const alone = await outcome(
      { ...application, assets: [mark('30123456', '30123457')] },
      'cnipa_trademark',
    );
    expect(alone[0]).toMatch(/^PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER:/);
    const together = await answer(
      { ...application, assets: [mark('30123456', '30123457'), mark('30123457', '30123456')] },
      'cnipa_trademark',
    );
    expect(together.outcome).toBe('registered');
    // 2 working days from Monday 2026-03-02.
    expect(together.dueDate).toBe('2026-03-04');
  });
  it('refuses a copyright pledge whose debt runs past the protection term', async () => {
    const software: RegistrationAsset = {
      asset: {
        ...patent.asset,
        assetId: 'sw-1',
        kind: 'software_copyright',
        number: '2021SR0805085',
        term: {
          kind: 'software_copyright',
          authorship: 'legal_person',
          firstPublicationDate: '2021-03-15',
          creationDate: '2021-01-20',
        },
        legalStatus: 'registered',
        annualFeePaidThrough: null,
      },
      existingPledges: [],
      coOwnerConsentPartyIds: [],
    };
    const app = {
      ...application,
      assets: [software],
      contract: { ...application.contract, debtMaturityDate: '2072-01-01' },
    };
    expect((await outcome(app, 'copyright_centre'))[0]).toMatch(/^PLEDGE_DEBT_MATURES_AFTER_EXPIRY:/);
    const inTerm = { ...app, contract: { ...app.contract, debtMaturityDate: '2071-12-31' } };
    expect(await outcome(inTerm, 'copyright_centre')).toEqual(['registered']);
  });
});
