import type { Grade, WhitelistFeature, WhitelistFeatureRow } from './whitelist-feature-row.ts';
import { whitelistGrades } from './whitelist-feature-row.ts';
import {
  toWhitelistFeatureColumns,
  type WhitelistCategoryFeature,
  type WhitelistFeatureColumns,
  type WhitelistFlagFeature,
  type WhitelistNumberFeature,
} from './whitelist-feature-columns.ts';
import type { ScorecardResult, WhitelistScorecard, WhitelistScorecardBin } from './whitelist-scorecard.ts';

/** One feature of a compiled scorecard: numeric bins as parallel arrays, or points by category/flag value. */
export type CompiledScorecardFeature =
  | {
      readonly kind: 'number';
      readonly feature: WhitelistNumberFeature;
      readonly lows: Float64Array;
      readonly highs: Float64Array;
      readonly points: Int32Array;
      readonly otherPoints: number;
      readonly missingPoints: number;
    }
  | {
      readonly kind: 'category';
      readonly feature: WhitelistCategoryFeature;
      readonly pointsByValue: ReadonlyMap<string, number>;
      readonly otherPoints: number;
    }
  | {
      readonly kind: 'flag';
      readonly feature: WhitelistFlagFeature;
      readonly pointsIfTrue: number;
      readonly pointsIfFalse: number;
    };

/** A scorecard compiled once to arrays; grades sorted best first, as grade indexes into `whitelistGrades`. */
export interface CompiledScorecard {
  readonly name: string;
  readonly features: readonly CompiledScorecardFeature[];
  readonly gradeMinPoints: Int32Array;
  readonly gradeIndexes: Int8Array;
  readonly cutoffPoints: number;
}

const NUMBER_FEATURES: ReadonlySet<WhitelistFeature> = new Set<WhitelistFeature>([
  'foundedYear',
  'employees',
  'validInventionPatents',
  'validPatents',
  'valuationScore',
  'patentGrowth3y',
  'registeredCapitalWan',
  'overdueCount',
]);
const FLAG_FEATURES: ReadonlySet<WhitelistFeature> = new Set<WhitelistFeature>(['highTech', 'specialised']);

function isCatchAll(bin: WhitelistScorecardBin): boolean {
  return bin.min === undefined && bin.max === undefined && bin.equals === undefined;
}

/** Points of a catch-all bin (the first one), or 0 when the scorecard has none. */
function catchAllPoints(bins: readonly WhitelistScorecardBin[]): number {
  return bins.find(isCatchAll)?.points ?? 0;
}

/**
 * Compiles a (validated) scorecard once: numeric bins become `[low, high)` arrays, categories a value → points
 * map, flags two numbers; the first matching explicit bin wins, else the catch-all bin, else 0 points.
 */
export function compileScorecard(scorecard: WhitelistScorecard): CompiledScorecard {
  const features: CompiledScorecardFeature[] = scorecard.features.map((spec) => {
    const explicit = spec.bins.filter((b) => !isCatchAll(b));
    const otherPoints = catchAllPoints(spec.bins);
    if (NUMBER_FEATURES.has(spec.feature)) {
      const numeric = explicit.filter((b) => b.equals === undefined);
      return {
        kind: 'number',
        feature: spec.feature as WhitelistNumberFeature,
        lows: Float64Array.from(numeric, (b) => b.min ?? Number.NEGATIVE_INFINITY),
        highs: Float64Array.from(numeric, (b) => b.max ?? Number.POSITIVE_INFINITY),
        points: Int32Array.from(numeric, (b) => b.points),
        otherPoints,
        missingPoints: spec.missingPoints ?? 0,
      };
    }
    if (FLAG_FEATURES.has(spec.feature)) {
      const pointsOf = (value: boolean): number =>
        explicit.find((b) => b.equals === value)?.points ?? otherPoints;
      return {
        kind: 'flag',
        feature: spec.feature as WhitelistFlagFeature,
        pointsIfTrue: pointsOf(true),
        pointsIfFalse: pointsOf(false),
      };
    }
    const pointsByValue = new Map<string, number>();
    for (const bin of explicit) {
      if (typeof bin.equals === 'string' && !pointsByValue.has(bin.equals))
        pointsByValue.set(bin.equals, bin.points);
    }
    return {
      kind: 'category',
      feature: spec.feature as WhitelistCategoryFeature,
      pointsByValue,
      otherPoints,
    };
  });
  const grades = [...scorecard.grades].sort((a, b) => b.minPoints - a.minPoints);
  return {
    name: scorecard.name,
    features,
    gradeMinPoints: Int32Array.from(grades, (g) => g.minPoints),
    gradeIndexes: Int8Array.from(grades, (g) => whitelistGrades.indexOf(g.grade)),
    cutoffPoints: scorecard.cutoffPoints,
  };
}

/**
 * Total points of every enterprise of the columns under a compiled scorecard (inside the platform only: a raw
 * score never leaves it). Feature by feature over typed arrays, so the loops stay monomorphic.
 */
export function calculateScorecardPoints(
  compiled: CompiledScorecard,
  columns: WhitelistFeatureColumns,
): Int32Array {
  const n = columns.length;
  const totals = new Int32Array(n);
  for (const feature of compiled.features) {
    if (feature.kind === 'number') {
      const column = columns.numbers[feature.feature];
      const { lows, highs, points, otherPoints, missingPoints } = feature;
      const binCount = points.length;
      for (let r = 0; r < n; r += 1) {
        const value = column[r]!;
        let add = otherPoints;
        if (value !== value) add = missingPoints;
        else {
          for (let b = 0; b < binCount; b += 1) {
            if (value >= lows[b]! && value < highs[b]!) {
              add = points[b]!;
              break;
            }
          }
        }
        totals[r] = totals[r]! + add;
      }
    } else if (feature.kind === 'flag') {
      const column = columns.flags[feature.feature];
      const { pointsIfTrue, pointsIfFalse } = feature;
      for (let r = 0; r < n; r += 1)
        totals[r] = totals[r]! + (column[r] === 1 ? pointsIfTrue : pointsIfFalse);
    } else {
      const { codes, values } = columns.categories[feature.feature];
      const lookup = Int32Array.from(values, (v) => feature.pointsByValue.get(v) ?? feature.otherPoints);
      for (let r = 0; r < n; r += 1) totals[r] = totals[r]! + lookup[codes[r]!]!;
    }
  }
  return totals;
}

/**
 * Grades of every enterprise of the columns: index into `whitelistGrades` (0 = A … 3 = D), −1 below the cut-off
 * or below every grade's minimum. The benchmark path (1,000,000 enterprises × 20 scorecards).
 */
export function runScorecardColumns(
  compiled: CompiledScorecard,
  columns: WhitelistFeatureColumns,
): Int8Array {
  const totals = calculateScorecardPoints(compiled, columns);
  const n = columns.length;
  const grades = new Int8Array(n);
  const { gradeMinPoints, gradeIndexes, cutoffPoints } = compiled;
  const gradeCount = gradeMinPoints.length;
  for (let r = 0; r < n; r += 1) {
    const total = totals[r]!;
    let grade = -1;
    if (total >= cutoffPoints) {
      for (let g = 0; g < gradeCount; g += 1) {
        if (total >= gradeMinPoints[g]!) {
          grade = gradeIndexes[g]!;
          break;
        }
      }
    }
    grades[r] = grade;
  }
  return grades;
}

/**
 * 数据不动模型动 (compute-to-data): runs a bank's scorecard on the full-fidelity rows inside the platform and
 * returns only pseudonym → grade (`null` below the cut-off), never a raw score (issue 10 item 3a).
 */
export function runScorecard(
  scorecard: WhitelistScorecard,
  rows: readonly WhitelistFeatureRow[],
  pseudonymOf: (enterpriseId: string) => string,
): ScorecardResult[] {
  const grades = runScorecardColumns(compileScorecard(scorecard), toWhitelistFeatureColumns(rows));
  return rows.map((row, r) => {
    const index = grades[r]!;
    return {
      pseudonym: pseudonymOf(row.enterpriseId),
      grade: index < 0 ? null : (whitelistGrades[index] as Grade),
    };
  });
}
