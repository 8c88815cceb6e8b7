import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ip-asset/create-seeded-random.ts';
import { buildAnonymisedRelease } from './build-anonymised-release.ts';
import { generateSyntheticWhitelistPopulation } from './generate-synthetic-whitelist-population.ts';
import { whitelistHierarchiesV1 } from './generalisation-hierarchies.ts';
import { scorecardAttack } from './scorecard-attack.ts';
import type { WhitelistScorecard } from './whitelist-scorecard.ts';

const rows = generateSyntheticWhitelistPopulation(600, createSeededRandom(99)).map((e) => e.row);
const pseudonymOf = (id: string): string => `P-${id}`;
const k = 5;
const quota = 20;
// Hierarchies v1 (discernibility only) hide head-counts entirely here, the release this attack is built around;
// v2's utility weights keep head-count bands on this population, which leaves the slicing less to gain.
const release = buildAnonymisedRelease(rows, {
  k,
  pseudonymOf,
  featureSet: [],
  hierarchies: whitelistHierarchiesV1,
});

/**
 * Threshold scorecard: A from `threshold` employees on, B below. The release hides head-counts entirely; twenty
 * thresholds at the registry's quantiles (head-counts are public) slice them into twenty-one narrow ranges.
 */
const employeeSlice = (threshold: number): WhitelistScorecard => ({
  name: `从业人数 ≥ ${threshold}`,
  features: [
    {
      feature: 'employees',
      bins: [
        { max: threshold, points: 0 },
        { min: threshold, points: 10 },
      ],
    },
  ],
  grades: [
    { grade: 'A', minPoints: 10 },
    { grade: 'B', minPoints: 0 },
  ],
  cutoffPoints: 0,
});
const sortedEmployees = rows.map((r) => r.employees).sort((a, b) => a - b);
const slicing = Array.from({ length: quota }, (_, i) =>
  employeeSlice(sortedEmployees[Math.floor(((i + 1) * rows.length) / (quota + 1))]!),
);

describe('scorecardAttack (a bank spends its whole quota to single out enterprises)', () => {
  it('with only "bins ≥ k" the head-count-slicing scorecards re-identify more than 1/k: the attack is real', () => {
    const result = scorecardAttack({
      rows,
      release,
      pseudonymOf,
      publicRegistry: rows,
      scorecards: slicing,
      k,
      quota,
      checks: 'bins-only',
    });
    expect(release.levels.employees).toBe(2);
    expect(result.accepted).toBeGreaterThan(10);
    expect(result.rate).toBeGreaterThan(1 / k);
  });

  it("with the platform's checks the same quota re-identifies no more than 1/k", () => {
    const result = scorecardAttack({
      rows,
      release,
      pseudonymOf,
      publicRegistry: rows,
      scorecards: slicing,
      k,
      quota,
    });
    expect(result.submitted).toBe(quota);
    expect(result.rate).toBeLessThanOrEqual(1 / k);
  });

  it('no quota of valid scorecards, however chosen, narrows a pseudonym below its class (property)', () => {
    const binArb = fc.uniqueArray(fc.integer({ min: 1990, max: 2024 }), { minLength: 1, maxLength: 4 });
    const cardArb = fc
      .record({
        yearCuts: binArb,
        patentCut: fc.integer({ min: 1, max: 20 }),
        district: fc.constantFrom('nanshan', 'baoan', 'futian', 'longgang'),
        size: fc.constantFrom('micro', 'small', 'medium'),
        points: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 8, maxLength: 8 }),
        minA: fc.integer({ min: 5, max: 60 }),
      })
      .map(({ yearCuts, patentCut, district, size, points, minA }): WhitelistScorecard => {
        const cuts = [...yearCuts].sort((a, b) => a - b);
        return {
          name: '攻击卡',
          features: [
            {
              feature: 'foundedYear',
              bins: [...cuts, undefined].map((max, i) => ({
                ...(i > 0 ? { min: cuts[i - 1]! } : {}),
                ...(max !== undefined ? { max } : {}),
                points: points[i]!,
              })),
            },
            {
              feature: 'validInventionPatents',
              bins: [
                { max: patentCut, points: 0 },
                { min: patentCut, points: points[5]! },
              ],
            },
            { feature: 'district', bins: [{ equals: district, points: points[6]! }, { points: 0 }] },
            { feature: 'sizeClass', bins: [{ equals: size, points: points[7]! }, { points: 0 }] },
          ],
          grades: [
            { grade: 'A', minPoints: minA },
            { grade: 'B', minPoints: 0 },
          ],
          cutoffPoints: 0,
        };
      });
    fc.assert(
      fc.property(fc.array(cardArb, { minLength: quota, maxLength: quota + 5 }), (scorecards) => {
        const result = scorecardAttack({
          rows,
          release,
          pseudonymOf,
          publicRegistry: rows,
          scorecards,
          k,
          quota,
        });
        expect(result.submitted).toBeLessThanOrEqual(quota);
        expect(result.rate).toBeLessThanOrEqual(1 / k);
      }),
      { numRuns: 8 },
    );
  });
});
