import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessPledgeEligibility,
  canPledge,
  pledgeIneligibilityCodes,
  refusalGroundOf,
  type PledgeEligibilityInput,
  type PledgeIneligibilityCode,
} from './assess-pledge-eligibility.ts';
import { calculateIpExpiry, type IpTermFacts } from './calculate-ip-expiry.ts';
import type { IpAssetOwner } from './ip-asset.ts';
import { ipAssetFamilyOf } from './ip-asset-kind.ts';
import { ipAssetErrors } from './ip-asset-errors.ts';
import { addDays } from './iso-date.ts';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);

interface GroundCase {
  readonly title: string;
  readonly base: string;
  readonly asset?: Partial<PledgeEligibilityInput['asset']>;
  readonly override?: Partial<Omit<PledgeEligibilityInput, 'asset'>>;
  readonly expected: readonly { code: string; item: number | null; params?: Record<string, unknown> }[];
}

const bases = JSON.parse(readFileSync(new URL('pledge-clean-bases.json', FIXTURES), 'utf8')) as Record<
  string,
  PledgeEligibilityInput
>;
const groundFiles = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('pledge-ground-'))
  .sort();

function buildInput(testCase: GroundCase): PledgeEligibilityInput {
  const base = bases[testCase.base];
  if (base === undefined) throw new Error(`unknown base ${testCase.base}`);
  return { ...base, ...testCase.override, asset: { ...base.asset, ...testCase.asset } };
}

describe('assessPledgeEligibility: one fixture per refusal ground, with its boundaries', () => {
  it('has a clean base per family that no ground touches', () => {
    for (const base of Object.values(bases).filter((b) => typeof b === 'object'))
      expect(assessPledgeEligibility(base)).toEqual([]);
  });

  for (const file of groundFiles) {
    const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as {
      ground: string;
      cases: GroundCase[];
    };
    describe(fixture.ground, () => {
      it.each(fixture.cases)('$title', (testCase) => {
        const reasons = assessPledgeEligibility(buildInput(testCase));
        expect(reasons.map((r) => ({ code: r.code, item: r.ground.item }))).toEqual(
          testCase.expected.map((e) => ({ code: e.code, item: e.item })),
        );
        testCase.expected.forEach((e, i) => {
          if (e.params !== undefined) expect(reasons[i]?.params).toMatchObject(e.params);
        });
      });
    });
  }

  it("covers every patent refusal ground the asset data can decide (all but (7), the contract's content)", () => {
    const items = new Set(
      groundFiles.flatMap((f) => /^pledge-ground-patent-(\d\d)-/.exec(f)?.[1] ?? []).map(Number),
    );
    expect([...items].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
  });

  it('has a zh-CN and an en text for every reason code', () => {
    for (const code of pledgeIneligibilityCodes)
      expect(ipAssetErrors[code]).toMatchObject({
        zh: expect.any(String) as string,
        en: expect.any(String) as string,
      });
  });

  it("maps each reason to the refusal ground of the asset's regulation", () => {
    expect(refusalGroundOf('PLEDGE_ASSET_SEIZED_OR_PRESERVED', 'trademark')).toEqual({
      regulation: 'trademark_pledge_rules_2020',
      item: 4,
    });
    expect(refusalGroundOf('PLEDGE_DEBT_MATURES_AFTER_EXPIRY', 'copyright')).toEqual({
      regulation: 'copyright_pledge_measures_2010',
      item: 4,
    });
    expect(refusalGroundOf('PLEDGE_ALREADY_PLEDGED', 'receivable')).toEqual({
      regulation: 'civil_code_2020',
      item: null,
    });
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const DECISION = '2026-03-02';

/** Term facts whose expiry lies at least 1,000 days after the decision date, for every kind. */
const termArb: fc.Arbitrary<IpTermFacts> = fc.oneof(
  fc.record({
    kind: fc.constant('invention_patent' as const),
    filingDate: dateArb(2010, 2025),
    termCompensationDays: fc.integer({ min: 0, max: 1500 }),
  }),
  fc.record({
    kind: fc.constantFrom('utility_model_patent' as const, 'design_patent' as const),
    filingDate: dateArb(2021, 2025),
  }),
  fc.record({
    kind: fc.constant('trademark' as const),
    registrationDate: dateArb(2010, 2025),
    renewalCount: fc.constant(2),
  }),
  fc.record({
    kind: fc.constant('software_copyright' as const),
    authorship: fc.constant('legal_person' as const),
    firstPublicationDate: dateArb(1990, 2025),
    creationDate: dateArb(1985, 1990),
  }),
  fc.record({
    kind: fc.constant('ic_layout_design' as const),
    filingDate: dateArb(2020, 2025),
    firstCommercialUseDate: fc.constant(null),
    creationDate: fc.constant(null),
  }),
  fc.record({ kind: fc.constant('data_ip' as const), validUntil: dateArb(2030, 2032) }),
  fc.record({ kind: fc.constant('licence_revenue_right' as const), contractEndDate: dateArb(2030, 2035) }),
);

function dateArb(fromYear: number, toYear: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: (toYear - fromYear + 1) * 365 - 1 })
    .map((d) => addDays(`${fromYear}-01-01`, d));
}

/** Clean inputs: any kind, 1–4 owners all consenting, old or cancelled pledges, debt within the term. */
const cleanInputArb: fc.Arbitrary<PledgeEligibilityInput> = fc
  .record({
    term: termArb,
    ownerCount: fc.integer({ min: 1, max: 4 }),
    pledgorIndex: fc.nat(),
    maturityFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    pledgeeKind: fc.constantFrom('bank' as const, 'guarantor' as const),
    oldPledges: fc.array(
      fc.record({
        status: fc.constantFrom(
          'registered' as const,
          'cancelled' as const,
          'refused' as const,
          'draft' as const,
        ),
        endOffset: fc.integer({ min: 1, max: 900 }),
      }),
      { maxLength: 3 },
    ),
    licensed: fc.boolean(),
  })
  .map(({ term, ownerCount, pledgorIndex, maturityFraction, pledgeeKind, oldPledges, licensed }) => {
    const owners: IpAssetOwner[] = Array.from({ length: ownerCount }, (_, i) => ({
      partyId: `ent-${i}`,
      name: `企业${i}`,
      shareBps: i === 0 ? 10000 - 1000 * (ownerCount - 1) : 1000,
    }));
    const pledgor = owners[pledgorIndex % ownerCount]!;
    const expiry = calculateIpExpiry(term).expiryDate!;
    const room = Math.min(1000, Math.round((Date.parse(expiry) - Date.parse(DECISION)) / 86_400_000));
    return {
      asset: {
        assetId: 'asset-1',
        term,
        legalStatus:
          term.kind === 'invention_patent' ||
          term.kind === 'utility_model_patent' ||
          term.kind === 'design_patent' ||
          term.kind === 'ic_layout_design'
            ? 'granted'
            : 'registered',
        flags: licensed ? ['licensed'] : [],
        owners,
        annualFeePaidThrough: '2026-12-31',
        similarMarkAssetIds: term.kind === 'trademark' ? ['asset-2'] : [],
        sameDayDualApplication: false,
        licences: [],
      },
      existingPledges: oldPledges.map((p, i) => {
        // Registered pledges end before the decision; others may run past it (cancelled, refused or never filed).
        const periodEnd =
          p.status === 'registered' ? addDays(DECISION, -p.endOffset) : addDays(DECISION, p.endOffset);
        return {
          pledgeId: `plg-${i}`,
          pledgeePartyId: 'bank-x',
          status: p.status,
          periodStart: addDays(periodEnd, -365),
          periodEnd,
        };
      }),
      pledgor: { partyId: pledgor.partyId, name: pledgor.name },
      pledgee: { partyId: 'bank-1', name: '某银行', kind: pledgeeKind },
      coOwnerConsentPartyIds: owners.map((o) => o.partyId),
      coPledgedAssetIds: term.kind === 'trademark' ? ['asset-2'] : [],
      consentsAfterNotice: { invalidationRequested: false, sameDayDualApplication: false },
      debtMaturityDate: addDays(DECISION, Math.floor(maturityFraction * room)),
      decisionDate: DECISION,
    } satisfies PledgeEligibilityInput;
  });

interface Defect {
  readonly code: PledgeIneligibilityCode;
  readonly appliesTo: (input: PledgeEligibilityInput) => boolean;
  readonly apply: (input: PledgeEligibilityInput) => PledgeEligibilityInput;
}

const isPatentFamily = (i: PledgeEligibilityInput): boolean =>
  ipAssetFamilyOf(i.asset.term.kind) === 'patent';
const always = (): boolean => true;
const withAsset = (
  i: PledgeEligibilityInput,
  asset: Partial<PledgeEligibilityInput['asset']>,
): PledgeEligibilityInput => ({ ...i, asset: { ...i.asset, ...asset } });
const withFlag = (
  i: PledgeEligibilityInput,
  flag: PledgeEligibilityInput['asset']['flags'][number],
): PledgeEligibilityInput => withAsset(i, { flags: [...i.asset.flags, flag] });

/** Each defect touches one fact and must add exactly its own reason. */
const DEFECTS: readonly Defect[] = [
  {
    code: 'PLEDGE_PLEDGOR_NOT_OWNER',
    appliesTo: always,
    apply: (i) => ({ ...i, pledgor: { partyId: 'stranger', name: '陌生公司' } }),
  },
  {
    code: 'PLEDGE_PLEDGOR_NAME_MISMATCH',
    appliesTo: always,
    apply: (i) => ({ ...i, pledgor: { ...i.pledgor, name: `${i.pledgor.name}（原名）` } }),
  },
  {
    code: 'PLEDGE_PLEDGEE_IS_PLEDGOR',
    appliesTo: always,
    apply: (i) => ({ ...i, pledgee: { ...i.pledgee, partyId: i.pledgor.partyId } }),
  },
  {
    code: 'PLEDGE_ASSET_NOT_GRANTED',
    appliesTo: always,
    apply: (i) => withAsset(i, { legalStatus: 'pending' }),
  },
  {
    code: 'PLEDGE_ASSET_TERMINATED',
    appliesTo: always,
    apply: (i) => withAsset(i, { legalStatus: 'lapsed' }),
  },
  {
    code: 'PLEDGE_ANNUAL_FEE_UNPAID',
    appliesTo: (i) =>
      ['invention_patent', 'utility_model_patent', 'design_patent'].includes(i.asset.term.kind),
    apply: (i) => withAsset(i, { annualFeePaidThrough: addDays(DECISION, -1) }),
  },
  { code: 'PLEDGE_OWNERSHIP_DISPUTED', appliesTo: always, apply: (i) => withFlag(i, 'ownership_disputed') },
  {
    code: 'PLEDGE_ASSET_SEIZED_OR_PRESERVED',
    appliesTo: always,
    apply: (i) => withFlag(i, 'court_preserved'),
  },
  {
    code: 'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
    appliesTo: always,
    apply: (i) => ({ ...i, debtMaturityDate: addDays(calculateIpExpiry(i.asset.term).expiryDate!, 1) }),
  },
  {
    code: 'PLEDGE_CO_OWNER_CONSENT_MISSING',
    appliesTo: (i) => i.asset.owners.length > 1,
    apply: (i) => ({
      ...i,
      coOwnerConsentPartyIds: i.coOwnerConsentPartyIds.filter(
        (id) => id !== i.asset.owners.find((o) => o.partyId !== i.pledgor.partyId)!.partyId,
      ),
    }),
  },
  {
    code: 'PLEDGE_ALREADY_PLEDGED',
    appliesTo: always,
    apply: (i) => ({
      ...i,
      existingPledges: [
        ...i.existingPledges,
        {
          pledgeId: 'plg-live',
          pledgeePartyId: 'bank-y',
          status: 'registered',
          periodStart: addDays(DECISION, -30),
          periodEnd: DECISION,
        },
      ],
    }),
  },
  {
    code: 'PLEDGE_SAME_DAY_DUAL_APPLICATION',
    appliesTo: (i) => ['invention_patent', 'utility_model_patent'].includes(i.asset.term.kind),
    apply: (i) => withAsset(i, { sameDayDualApplication: true }),
  },
  {
    code: 'PLEDGE_INVALIDATION_REQUESTED',
    appliesTo: isPatentFamily,
    apply: (i) => withFlag(i, 'invalidation_requested'),
  },
  {
    code: 'PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER',
    appliesTo: (i) => i.asset.term.kind === 'trademark',
    apply: (i) => ({ ...i, coPledgedAssetIds: [] }),
  },
  {
    code: 'PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED',
    appliesTo: (i) => ipAssetFamilyOf(i.asset.term.kind) === 'copyright',
    apply: (i) =>
      withAsset(i, {
        licences: [
          {
            licenceId: 'lic-x',
            licenseeName: '被许可方',
            kind: 'ordinary',
            startDate: '2024-01-01',
            endDate: '2027-12-31',
            disclosedToPledgee: false,
          },
        ],
      }),
  },
];

/**
 * Pairs [a, b] where b is dropped when a is present: they rewrite the same fact, or (pending, fee) a pending
 * application owes no annual fee.
 */
const EXCLUSIVE = [
  ['PLEDGE_PLEDGOR_NOT_OWNER', 'PLEDGE_PLEDGOR_NAME_MISMATCH'],
  ['PLEDGE_ASSET_NOT_GRANTED', 'PLEDGE_ASSET_TERMINATED'],
  ['PLEDGE_ASSET_NOT_GRANTED', 'PLEDGE_ANNUAL_FEE_UNPAID'],
];

describe('assessPledgeEligibility: properties', () => {
  it('finds no reason for a clean asset of any kind', () => {
    fc.assert(fc.property(cleanInputArb, (input) => canPledge(input)));
  });

  it("adds exactly the defect's own reason when any one defect is added to a clean asset", () => {
    fc.assert(
      fc.property(cleanInputArb, fc.constantFrom(...DEFECTS), (input, defect) => {
        fc.pre(defect.appliesTo(input));
        expect(assessPledgeEligibility(defect.apply(input)).map((r) => r.code)).toEqual([defect.code]);
      }),
    );
  });

  it('reports exactly the union of reasons when several independent defects are added together', () => {
    fc.assert(
      fc.property(cleanInputArb, fc.subarray([...DEFECTS]), (input, chosen) => {
        const applicable = chosen.filter(
          (d) =>
            d.appliesTo(input) &&
            !EXCLUSIVE.some(([a, b]) => d.code === b && chosen.some((c) => c.code === a)),
        );
        // Owner-changing defects first, so that later defects read the final pledgor.
        const ordered = [...applicable].sort(
          (a, b) =>
            Number(b.code === 'PLEDGE_PLEDGOR_NOT_OWNER') - Number(a.code === 'PLEDGE_PLEDGOR_NOT_OWNER'),
        );
        const defective = ordered.reduce((acc, d) => d.apply(acc), input);
        const codes = assessPledgeEligibility(defective).map((r) => r.code);
        expect([...codes].sort()).toEqual(applicable.map((d) => d.code).sort());
      }),
    );
  });

  it('gives the same reasons whatever the order of owners, consents and existing pledges', () => {
    fc.assert(
      fc.property(cleanInputArb, fc.subarray([...DEFECTS]), fc.integer(), (input, chosen, seed) => {
        const defective = chosen
          .filter((d) => d.appliesTo(input) && d.code !== 'PLEDGE_PLEDGOR_NOT_OWNER')
          .reduce((acc, d) => d.apply(acc), input);
        const rotate = <T>(xs: readonly T[]): T[] =>
          xs.length === 0
            ? []
            : [...xs.slice(Math.abs(seed) % xs.length), ...xs.slice(0, Math.abs(seed) % xs.length)].reverse();
        const shuffled: PledgeEligibilityInput = {
          ...defective,
          asset: { ...defective.asset, owners: rotate(defective.asset.owners) },
          coOwnerConsentPartyIds: rotate(defective.coOwnerConsentPartyIds),
          existingPledges: rotate(defective.existingPledges),
        };
        expect(assessPledgeEligibility(shuffled)).toEqual(assessPledgeEligibility(defective));
      }),
    );
  });

  it('allows a debt maturing on the expiry day and refuses one maturing the day after, for every kind', () => {
    fc.assert(
      fc.property(cleanInputArb, (input) => {
        const expiry = calculateIpExpiry(input.asset.term).expiryDate!;
        expect(canPledge({ ...input, debtMaturityDate: expiry })).toBe(true);
        expect(canPledge({ ...input, debtMaturityDate: addDays(expiry, 1) })).toBe(false);
      }),
    );
  });
});
