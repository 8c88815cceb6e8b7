import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ip-asset/create-seeded-random.ts';
import { generateSyntheticWhitelistPopulation } from './generate-synthetic-whitelist-population.ts';
import { compileScorecard, runScorecard, runScorecardColumns } from './run-scorecard.ts';
import { toWhitelistFeatureColumns } from './whitelist-feature-columns.ts';
import { whitelistGrades, type Grade, type WhitelistFeatureRow } from './whitelist-feature-row.ts';
import type { WhitelistScorecard, WhitelistScorecardBin } from './whitelist-scorecard.ts';

const population = generateSyntheticWhitelistPopulation(400, createSeededRandom(7)).map((e) => e.row);

/** The plain reading of a scorecard, row by row, written independently of the compiled runner. */
function referenceGrade(scorecard: WhitelistScorecard, row: WhitelistFeatureRow): Grade | null {
  let total = 0;
  for (const spec of scorecard.features) {
    const value = row[spec.feature];
    if (value === null) {
      total += spec.missingPoints ?? 0;
      continue;
    }
    const hit = spec.bins.find(
      (b: WhitelistScorecardBin) =>
        (b.equals !== undefined && b.equals === value) ||
        (b.equals === undefined &&
          (b.min !== undefined || b.max !== undefined) &&
          typeof value === 'number' &&
          (b.min === undefined || value >= b.min) &&
          (b.max === undefined || value < b.max)),
    );
    const other = spec.bins.find((b) => b.min === undefined && b.max === undefined && b.equals === undefined);
    total += hit?.points ?? other?.points ?? 0;
  }
  if (total < scorecard.cutoffPoints) return null;
  const best = [...scorecard.grades]
    .sort((a, b) => b.minPoints - a.minPoints)
    .find((g) => total >= g.minPoints);
  return best?.grade ?? null;
}

const pointsArb = fc.integer({ min: -50, max: 100 });
const numberFeatureArb = fc
  .record({
    feature: fc.constantFrom(
      'foundedYear',
      'employees',
      'validInventionPatents',
      'validPatents',
      'valuationScore',
      'patentGrowth3y',
      'registeredCapitalWan',
      'overdueCount',
    ),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 2030 }), { maxLength: 6 }),
    points: fc.array(pointsArb, { minLength: 7, maxLength: 7 }),
    missingPoints: pointsArb,
  })
  .map(({ feature, cuts, points, missingPoints }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const bins: WhitelistScorecardBin[] = [...sorted, undefined].map((max, i) => ({
      ...(i > 0 ? { min: sorted[i - 1]! } : {}),
      ...(max !== undefined ? { max } : {}),
      points: points[i]!,
    }));
    return { feature, bins, ...(feature === 'valuationScore' ? { missingPoints } : {}) };
  });
const categoryFeatureArb = fc.record({
  feature: fc.constantFrom('district' as const, 'sizeClass' as const),
  bins: fc
    .tuple(fc.subarray(['nanshan', 'futian', 'baoan', 'small', 'micro', 'large']), pointsArb, pointsArb)
    .map(([values, p, other]) => [
      ...values.map((equals, i) => ({ equals, points: p + i })),
      { points: other },
    ]),
});
const flagFeatureArb = fc.record({
  feature: fc.constantFrom('highTech' as const, 'specialised' as const),
  bins: fc.tuple(pointsArb, pointsArb).map(([t, f]) => [
    { equals: true, points: t },
    { equals: false, points: f },
  ]),
});
const scorecardArb: fc.Arbitrary<WhitelistScorecard> = fc.record({
  name: fc.constant('随机卡'),
  features: fc.array(fc.oneof(numberFeatureArb, categoryFeatureArb, flagFeatureArb), {
    minLength: 1,
    maxLength: 6,
  }),
  grades: fc
    .uniqueArray(fc.integer({ min: -100, max: 400 }), { minLength: 1, maxLength: 4 })
    .map((mins) =>
      [...mins].sort((a, b) => b - a).map((minPoints, i) => ({ grade: whitelistGrades[i]!, minPoints })),
    ),
  cutoffPoints: fc.integer({ min: -100, max: 300 }),
});

describe('runScorecard', () => {
  it('grades every enterprise as the plain row-by-row reading of the scorecard does (property)', () => {
    fc.assert(
      fc.property(scorecardArb, (scorecard) => {
        const results = runScorecard(scorecard, population, (id) => `P-${id}`);
        expect(results).toEqual(
          population.map((row) => ({
            pseudonym: `P-${row.enterpriseId}`,
            grade: referenceGrade(scorecard, row),
          })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('returns only pseudonym and grade, no score', () => {
    const [first] = runScorecard(
      {
        name: 'x',
        features: [{ feature: 'highTech', bins: [{ equals: true, points: 10 }, { points: 0 }] }],
        grades: [{ grade: 'A', minPoints: 10 }],
        cutoffPoints: 5,
      },
      population,
      (id) => `P-${id}`,
    );
    expect(Object.keys(first!).sort()).toEqual(['grade', 'pseudonym']);
  });

  it('gives the same grades from columns compiled once as from rows', () => {
    fc.assert(
      fc.property(scorecardArb, (scorecard) => {
        const grades = runScorecardColumns(
          compileScorecard(scorecard),
          toWhitelistFeatureColumns(population),
        );
        const expected = population.map((row) => {
          const grade = referenceGrade(scorecard, row);
          return grade === null ? -1 : whitelistGrades.indexOf(grade);
        });
        expect([...grades]).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
