import { describe, expect, it } from 'vitest';
import { buildAnonymisedRelease } from './build-anonymised-release.ts';
import { validateScorecard } from './validate-scorecard.ts';
import type { WhitelistFeatureRow } from './whitelist-feature-row.ts';
import type { WhitelistScorecard } from './whitelist-scorecard.ts';

const base: WhitelistFeatureRow = {
  enterpriseId: 'e',
  district: 'nanshan',
  cluster: 'semiconductors-ic',
  sizeClass: 'small',
  foundedYear: 2015,
  employees: 80,
  highTech: true,
  specialised: false,
  validInventionPatents: 2,
  validPatents: 10,
  valuationScore: 70,
  patentGrowth3y: 3,
  registeredCapitalWan: 500,
  overdueCount: 0,
};

/** 30 enterprises of which `rich` hold 15 invention patents and the others 2. */
function round(rich: number): WhitelistFeatureRow[] {
  return Array.from({ length: 30 }, (_, i) => ({
    ...base,
    enterpriseId: `e-${i}`,
    validInventionPatents: i < rich ? 15 : 2,
    highTech: i % 2 === 0,
    foundedYear: 2010 + (i % 10),
  }));
}

const patentCard: WhitelistScorecard = {
  name: '发明专利卡',
  features: [
    {
      feature: 'validInventionPatents',
      bins: [
        { max: 10, points: 0 },
        { min: 10, points: 10 },
      ],
    },
  ],
  grades: [
    { grade: 'A', minPoints: 10 },
    { grade: 'B', minPoints: 0 },
  ],
  cutoffPoints: 0,
};

const options = { k: 5, usedQuota: 0, quota: 20 };
const codes = (problems: readonly { code: string }[]): string[] => problems.map((p) => p.code);

describe('validateScorecard: structure', () => {
  const invalidCases: [string, WhitelistScorecard][] = [
    [
      'an unknown feature',
      { ...patentCard, features: [{ feature: 'revenue' as never, bins: [{ points: 1 }] }] },
    ],
    [
      'the same feature twice',
      { ...patentCard, features: [patentCard.features[0]!, patentCard.features[0]!] },
    ],
    [
      'overlapping numeric bins',
      {
        ...patentCard,
        features: [
          {
            feature: 'validInventionPatents',
            bins: [
              { max: 10, points: 0 },
              { min: 8, points: 10 },
            ],
          },
        ],
      },
    ],
    [
      'a gap between numeric bins',
      {
        ...patentCard,
        features: [
          {
            feature: 'validInventionPatents',
            bins: [
              { max: 10, points: 0 },
              { min: 12, points: 10 },
            ],
          },
        ],
      },
    ],
    [
      'numeric bins that do not reach infinity',
      { ...patentCard, features: [{ feature: 'validInventionPatents', bins: [{ min: 0, points: 0 }] }] },
    ],
    [
      'fractional points',
      {
        ...patentCard,
        features: [
          {
            feature: 'validInventionPatents',
            bins: [
              { max: 10, points: 0.5 },
              { min: 10, points: 10 },
            ],
          },
        ],
      },
    ],
    [
      'points beyond ±1000',
      {
        ...patentCard,
        features: [
          {
            feature: 'validInventionPatents',
            bins: [
              { max: 10, points: 0 },
              { min: 10, points: 5000 },
            ],
          },
        ],
      },
    ],
    [
      'flag bins that do not cover false',
      { ...patentCard, features: [{ feature: 'highTech', bins: [{ equals: true, points: 5 }] }] },
    ],
    [
      'a district that does not exist',
      {
        ...patentCard,
        features: [
          {
            feature: 'district',
            bins: [{ equals: 'atlantis', points: 5 }, { points: 0 }],
          },
        ],
      },
    ],
    [
      'five grades',
      {
        ...patentCard,
        grades: [
          { grade: 'A', minPoints: 40 },
          { grade: 'B', minPoints: 30 },
          { grade: 'C', minPoints: 20 },
          { grade: 'D', minPoints: 10 },
          { grade: 'E' as never, minPoints: 0 },
        ],
      },
    ],
    [
      'grades out of order (B needs more than A)',
      {
        ...patentCard,
        grades: [
          { grade: 'A', minPoints: 0 },
          { grade: 'B', minPoints: 10 },
        ],
      },
    ],
    ['no features', { ...patentCard, features: [] }],
    [
      'missing points on a feature that is never missing',
      {
        ...patentCard,
        features: [{ ...patentCard.features[0]!, missingPoints: 3 }],
      },
    ],
  ];

  it.each(invalidCases)('refuses %s with WHITELIST_SCORECARD_INVALID', (_, scorecard) => {
    const problems = validateScorecard(scorecard, round(10), options);
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(codes(problems))).toEqual(new Set(['WHITELIST_SCORECARD_INVALID']));
  });

  it('accepts a well-formed scorecard over a round where every bin holds k', () => {
    expect(validateScorecard(patentCard, round(10), options)).toEqual([]);
  });
});

describe('validateScorecard: privacy and quota', () => {
  it('lets a bin of exactly k enterprises pass and refuses one of k − 1, naming the feature and bin', () => {
    expect(validateScorecard(patentCard, round(5), options)).toEqual([]);
    const problems = validateScorecard(patentCard, round(4), options);
    expect(problems).toEqual([
      {
        code: 'WHITELIST_SCORECARD_BIN_TOO_SMALL',
        field: 'features[0].bins[1]',
        params: { feature: 'validInventionPatents', bin: 2, k: 5 },
      },
    ]);
  });

  it('refuses an empty bin and a small group of missing valuation scores', () => {
    const card: WhitelistScorecard = {
      ...patentCard,
      features: [
        {
          feature: 'valuationScore',
          bins: [
            { max: 60, points: 0 },
            { min: 60, max: 90, points: 5 },
            { min: 90, points: 10 },
          ],
        },
      ],
      grades: [{ grade: 'A', minPoints: 0 }],
    };
    const rows = round(10).map((r, i) => ({ ...r, valuationScore: i < 3 ? null : i < 15 ? 50 : 75 }));
    const problems = validateScorecard(card, rows, options);
    expect(problems.map((p) => p.field)).toEqual(['features[0].bins[2]', 'features[0].missingPoints']);
    expect(new Set(codes(problems))).toEqual(new Set(['WHITELIST_SCORECARD_BIN_TOO_SMALL']));
  });

  it('refuses a scorecard whose grade would hold fewer than k enterprises', () => {
    // Each bin holds ≥ 5, but only the 3 rich and high-tech enterprises reach A.
    const rows = round(10).map((r, i) => ({ ...r, highTech: i < 3 || i >= 17 }));
    const card: WhitelistScorecard = {
      ...patentCard,
      features: [
        ...patentCard.features,
        {
          feature: 'highTech',
          bins: [
            { equals: true, points: 10 },
            { equals: false, points: 0 },
          ],
        },
      ],
      grades: [
        { grade: 'A', minPoints: 20 },
        { grade: 'B', minPoints: 0 },
      ],
    };
    expect(codes(validateScorecard(card, rows, options))).toEqual(['WHITELIST_SCORECARD_GRADE_TOO_SMALL']);
  });

  it('refuses a scorecard whose grades, joined with the earlier ones of the round, isolate fewer than k', () => {
    const rows = round(10).map((r, i) => ({ ...r, highTech: i < 3 || i >= 17 }));
    const flagCard: WhitelistScorecard = {
      ...patentCard,
      name: '高新卡',
      features: [
        {
          feature: 'highTech',
          bins: [
            { equals: true, points: 10 },
            { equals: false, points: 0 },
          ],
        },
      ],
    };
    expect(validateScorecard(flagCard, rows, options)).toEqual([]);
    expect(validateScorecard(patentCard, rows, options)).toEqual([]);
    expect(
      codes(validateScorecard(patentCard, rows, { ...options, previousScorecards: [flagCard] })),
    ).toEqual(['WHITELIST_SCORECARD_OUTCOME_TOO_SMALL']);
  });

  it('refuses bins on a quasi-identifier finer than the release shows', () => {
    const rows = round(10);
    const release = buildAnonymisedRelease(rows, { k: 5, pseudonymOf: (id) => id, featureSet: [] });
    expect(release.levels.foundedYear).toBeGreaterThan(0);
    const yearCard: WhitelistScorecard = {
      ...patentCard,
      features: [
        {
          feature: 'foundedYear',
          bins: [
            { max: 2013, points: 0 },
            { min: 2013, points: 10 },
          ],
        },
      ],
    };
    expect(validateScorecard(yearCard, rows, options)).toEqual([]);
    expect(codes(validateScorecard(yearCard, rows, { ...options, release }))).toEqual([
      'WHITELIST_SCORECARD_QUASI_IDENTIFIER_TOO_FINE',
    ]);
  });

  it('refuses once the bank has used its quota of scorecards for the round', () => {
    expect(validateScorecard(patentCard, round(10), { k: 5, usedQuota: 19, quota: 20 })).toEqual([]);
    expect(validateScorecard(patentCard, round(10), { k: 5, usedQuota: 20, quota: 20 })).toEqual([
      { code: 'WHITELIST_SCORECARD_QUOTA_EXCEEDED', field: '', params: { used: 20, quota: 20 } },
    ]);
  });
});
