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
      /**
       * Points by ⌊value⌋ − `tableBase` when every bound is an integer (then ⌊v⌋ decides the bin) and the
       * bounds span at most 4,096: one lookup instead of a scan. Below the table: `points` of the lowest bin.
       */
      readonly table: Int32Array | null;
      readonly tableBase: number;
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

const MAX_TABLE = 4096;

function pointsOfValue(
  value: number,
  lows: Float64Array,
  highs: Float64Array,
  points: Int32Array,
  other: number,
): number {
  for (let b = 0; b < points.length; b += 1) if (value >= lows[b]! && value < highs[b]!) return points[b]!;
  return other;
}

/** A lookup table over the integer span of the bounds, or none when a bound is fractional or the span is wide. */
function buildLookupTable(
  lows: Float64Array,
  highs: Float64Array,
  points: Int32Array,
  other: number,
): { table: Int32Array | null; tableBase: number } {
  const bounds = [...lows, ...highs].filter((b) => Number.isFinite(b));
  if (bounds.length === 0 || !bounds.every((b) => Number.isInteger(b))) return { table: null, tableBase: 0 };
  const base = Math.min(...bounds) - 1;
  const top = Math.max(...bounds);
  if (top - base + 1 > MAX_TABLE) return { table: null, tableBase: 0 };
  const table = new Int32Array(top - base + 1);
  for (let v = base; v <= top; v += 1) table[v - base] = pointsOfValue(v, lows, highs, points, other);
  return { table, tableBase: base };
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
      const lows = Float64Array.from(numeric, (b) => b.min ?? Number.NEGATIVE_INFINITY);
      const highs = Float64Array.from(numeric, (b) => b.max ?? Number.POSITIVE_INFINITY);
      const points = Int32Array.from(numeric, (b) => b.points);
      return {
        kind: 'number',
        feature: spec.feature as WhitelistNumberFeature,
        lows,
        highs,
        points,
        otherPoints,
        missingPoints: spec.missingPoints ?? 0,
        ...buildLookupTable(lows, highs, points, otherPoints),
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
      const { lows, highs, points, otherPoints, missingPoints, table, tableBase } = feature;
      const binCount = points.length;
      if (table !== null) {
        // ⌊v⌋ clamped to the table: below its base every value is in the same bin as base, above it as top.
        const last = table.length - 1;
        for (let r = 0; r < n; r += 1) {
          const value = column[r]!;
          let add: number;
          if (value !== value) add = missingPoints;
          else {
            let index = Math.floor(value) - tableBase;
            if (index < 0) index = 0;
            else if (index > last) index = last;
            add = table[index]!;
          }
          totals[r] = totals[r]! + add;
        }
        continue;
      }
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
