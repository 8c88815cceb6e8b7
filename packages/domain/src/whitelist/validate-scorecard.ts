import type { ProblemDetail } from '../errors/domain-error.ts';
import { districtCodes, industryClusterCodes, sizeClassCodes } from '../party/reference-data.ts';
import type { AnonymisedRelease } from './anonymised-release.ts';
import { findWhitelistHierarchies, generaliseQuasiIdentifier } from './generalisation-hierarchies.ts';
import { compileScorecard, runScorecardColumns } from './run-scorecard.ts';
import { toWhitelistFeatureColumns, type WhitelistFeatureColumns } from './whitelist-feature-columns.ts';
import {
  isWhitelistFeature,
  whitelistFeatureKinds,
  whitelistGrades,
  whitelistQuasiIdentifiers,
  type WhitelistFeatureRow,
  type WhitelistQuasiIdentifier,
} from './whitelist-feature-row.ts';
import {
  scorecardLimits,
  type WhitelistScorecard,
  type WhitelistScorecardBin,
} from './whitelist-scorecard.ts';

export interface ValidateScorecardOptions {
  /** Least number of the round's enterprises every bin (and every outcome) must hold. */
  readonly k: number;
  /** Scorecards the bank has already submitted in this round (refused ones count too: a refusal tells a little). */
  readonly usedQuota: number;
  readonly quota: number;
  /** The bank's scorecards already run in this round: their joint outcomes with this one must hold ≥ k each. */
  readonly previousScorecards?: readonly WhitelistScorecard[];
  /**
   * The bank's release: points on a quasi-identifier must be the same for every enterprise that shares its
   * released (generalised) value, so grades never say more about a quasi-identifier than the release did.
   */
  readonly release?: Pick<AnonymisedRelease, 'levels' | 'hierarchyVersion'>;
}

const knownCategories: Readonly<Record<'district' | 'cluster' | 'sizeClass', readonly string[]>> = {
  district: districtCodes,
  cluster: industryClusterCodes,
  sizeClass: sizeClassCodes,
};

function invalid(field: string, detail: string): ProblemDetail {
  return { code: 'WHITELIST_SCORECARD_INVALID', field, params: { detail } };
}

function isPoints(value: unknown, bound: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= bound;
}

function isCatchAll(bin: WhitelistScorecardBin): boolean {
  return bin.min === undefined && bin.max === undefined && bin.equals === undefined;
}

function validateNumberBins(field: string, bins: readonly WhitelistScorecardBin[]): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const [j, bin] of bins.entries()) {
    if (bin.equals !== undefined)
      problems.push(invalid(`${field}.bins[${j}].equals`, 'a numeric bin uses min/max'));
    for (const bound of [bin.min, bin.max]) {
      if (bound !== undefined && !Number.isFinite(bound)) {
        problems.push(invalid(`${field}.bins[${j}]`, 'bounds must be finite numbers'));
      }
    }
    if (bin.min !== undefined && bin.max !== undefined && !(bin.min < bin.max)) {
      problems.push(invalid(`${field}.bins[${j}]`, 'min must be below max'));
    }
  }
  if (problems.length > 0) return problems;
  // [min, max) intervals must tile the number line: no gap, no overlap, open at both ends.
  const sorted = [...bins].sort(
    (a, b) => (a.min ?? Number.NEGATIVE_INFINITY) - (b.min ?? Number.NEGATIVE_INFINITY),
  );
  if (sorted[0]!.min !== undefined) problems.push(invalid(field, 'the first bin must have no lower bound'));
  if (sorted[sorted.length - 1]!.max !== undefined)
    problems.push(invalid(field, 'the last bin must have no upper bound'));
  for (let j = 1; j < sorted.length; j += 1) {
    const previousMax = sorted[j - 1]!.max;
    const min = sorted[j]!.min;
    if (previousMax === undefined || min === undefined || min !== previousMax) {
      problems.push(
        invalid(field, `bins must meet without gap or overlap (at ${String(min ?? previousMax ?? '∞')})`),
      );
      break;
    }
  }
  return problems;
}

function validateValueBins(
  field: string,
  bins: readonly WhitelistScorecardBin[],
  values: readonly (string | boolean)[],
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const seen = new Set<string | boolean>();
  let catchAlls = 0;
  for (const [j, bin] of bins.entries()) {
    if (bin.min !== undefined || bin.max !== undefined) {
      problems.push(invalid(`${field}.bins[${j}]`, 'a category or flag bin uses equals'));
      continue;
    }
    if (bin.equals === undefined) {
      catchAlls += 1;
      continue;
    }
    if (!values.includes(bin.equals)) {
      problems.push(invalid(`${field}.bins[${j}].equals`, `unknown value ${String(bin.equals)}`));
    } else if (seen.has(bin.equals)) {
      problems.push(invalid(`${field}.bins[${j}].equals`, `${String(bin.equals)} is in two bins`));
    }
    seen.add(bin.equals);
  }
  if (catchAlls > 1) problems.push(invalid(field, 'at most one bin without a value (the others)'));
  if (catchAlls === 0 && values.some((v) => !seen.has(v))) {
    problems.push(invalid(field, 'the bins must cover every value (add a bin for the others)'));
  }
  return problems;
}

/** Structure only: known features once each, bins that tile, integer points within bounds, ≤ 4 ordered grades. */
function validateStructure(scorecard: WhitelistScorecard): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const limit = scorecardLimits.maxAbsPoints;
  if (typeof scorecard.name !== 'string' || scorecard.name.trim() === '')
    problems.push(invalid('name', 'a name is required'));
  if (scorecard.features.length === 0 || scorecard.features.length > scorecardLimits.maxFeatures) {
    problems.push(invalid('features', `1 to ${scorecardLimits.maxFeatures} features`));
  }
  const seenFeatures = new Set<string>();
  for (const [i, spec] of scorecard.features.entries()) {
    const field = `features[${i}]`;
    if (!isWhitelistFeature(spec.feature)) {
      problems.push(invalid(`${field}.feature`, `unknown feature ${String(spec.feature)}`));
      continue;
    }
    if (seenFeatures.has(spec.feature))
      problems.push(invalid(`${field}.feature`, `${spec.feature} appears twice`));
    seenFeatures.add(spec.feature);
    if (spec.bins.length === 0 || spec.bins.length > scorecardLimits.maxBinsPerFeature) {
      problems.push(invalid(`${field}.bins`, `1 to ${scorecardLimits.maxBinsPerFeature} bins`));
      continue;
    }
    for (const [j, bin] of spec.bins.entries()) {
      if (!isPoints(bin.points, limit)) {
        problems.push(
          invalid(`${field}.bins[${j}].points`, `points are integers from −${limit} to ${limit}`),
        );
      }
    }
    if (spec.missingPoints !== undefined) {
      if (spec.feature !== 'valuationScore')
        problems.push(invalid(`${field}.missingPoints`, 'only valuationScore can be missing'));
      else if (!isPoints(spec.missingPoints, limit))
        problems.push(invalid(`${field}.missingPoints`, 'points are integers'));
    }
    const kind = whitelistFeatureKinds[spec.feature];
    if (kind === 'number') problems.push(...validateNumberBins(`${field}.bins`, spec.bins));
    else if (kind === 'boolean')
      problems.push(...validateValueBins(`${field}.bins`, spec.bins, [true, false]));
    else {
      const feature = spec.feature as 'district' | 'cluster' | 'sizeClass';
      problems.push(...validateValueBins(`${field}.bins`, spec.bins, knownCategories[feature]));
    }
  }

  const grades = scorecard.grades;
  if (grades.length === 0 || grades.length > scorecardLimits.maxGrades) {
    problems.push(invalid('grades', `1 to ${scorecardLimits.maxGrades} grades`));
  }
  const seenGrades = new Set<string>();
  for (const [g, grade] of grades.entries()) {
    if (!(whitelistGrades as readonly string[]).includes(grade.grade))
      problems.push(invalid(`grades[${g}].grade`, 'grades are A, B, C, D'));
    if (seenGrades.has(grade.grade))
      problems.push(invalid(`grades[${g}].grade`, `${grade.grade} appears twice`));
    seenGrades.add(grade.grade);
    if (!isPoints(grade.minPoints, limit * scorecardLimits.maxFeatures))
      problems.push(invalid(`grades[${g}].minPoints`, 'an integer'));
  }
  // A better letter needs strictly more points, so the grades are ordered as their letters say.
  const byLetter = [...grades].sort((a, b) => a.grade.localeCompare(b.grade));
  for (let g = 1; g < byLetter.length; g += 1) {
    if (!(byLetter[g - 1]!.minPoints > byLetter[g]!.minPoints)) {
      problems.push(
        invalid('grades', `${byLetter[g - 1]!.grade} must need more points than ${byLetter[g]!.grade}`),
      );
    }
  }
  if (!isPoints(scorecard.cutoffPoints, limit * scorecardLimits.maxFeatures))
    problems.push(invalid('cutoffPoints', 'an integer'));
  return problems;
}

/** Index of the bin a value falls in, by the runner's rule (first explicit match, else the catch-all), or −1. */
function binIndexOf(bins: readonly WhitelistScorecardBin[], value: number | string | boolean | null): number {
  if (value === null) return -2;
  let other = -1;
  for (const [j, bin] of bins.entries()) {
    if (isCatchAll(bin)) {
      if (other < 0) other = j;
      continue;
    }
    if (bin.equals !== undefined) {
      if (bin.equals === value) return j;
      continue;
    }
    if (
      typeof value === 'number' &&
      (bin.min === undefined || value >= bin.min) &&
      (bin.max === undefined || value < bin.max)
    ) {
      return j;
    }
  }
  return other;
}

/** Keys of the joint grade outcomes of several scorecards, one per enterprise. */
function jointOutcomeKeys(
  scorecards: readonly WhitelistScorecard[],
  columns: WhitelistFeatureColumns,
): string[] {
  const keys = new Array<string>(columns.length).fill('');
  for (const scorecard of scorecards) {
    const grades = runScorecardColumns(compileScorecard(scorecard), columns);
    for (let r = 0; r < columns.length; r += 1) keys[r] += String.fromCharCode(66 + grades[r]!);
  }
  return keys;
}

/**
 * 评分卡校验 (validates a bank's scorecard before compute-to-data, issue 10 item 3a): structure (known features,
 * bins that tile without overlap, integer points within ±1000, at most 4 grades ordered by their letters), quota,
 * then privacy against the round's rows: every bin — and the missing-value group — holds at least k enterprises
 * or none is let through (`WHITELIST_SCORECARD_BIN_TOO_SMALL`, the rule), every outcome (each grade and
 * "below cut-off") holds 0 or ≥ k (`…_GRADE_TOO_SMALL`), the joint outcomes with the bank's earlier scorecards of
 * the round hold 0 or ≥ k (`…_OUTCOME_TOO_SMALL`), and with a release, points on a quasi-identifier are constant
 * on each released value (`…_QUASI_IDENTIFIER_TOO_FINE`): without that last rule, a quota of threshold
 * scorecards on the founding year pins the year down and links the release to the registry (see
 * `scorecardAttack`). Refusals name the bin, never a count. Returns every problem; empty means it may run.
 * Run it on the enterprises the bank's release holds (suppressed ones are not scored).
 */
export function validateScorecard(
  scorecard: WhitelistScorecard,
  rows: readonly WhitelistFeatureRow[],
  options: ValidateScorecardOptions,
): ProblemDetail[] {
  const { k } = options;
  if (options.usedQuota >= options.quota) {
    return [
      {
        code: 'WHITELIST_SCORECARD_QUOTA_EXCEEDED',
        field: '',
        params: { used: options.usedQuota, quota: options.quota },
      },
    ];
  }
  const structure = validateStructure(scorecard);
  if (structure.length > 0) return structure;

  const problems: ProblemDetail[] = [];
  for (const [i, spec] of scorecard.features.entries()) {
    const counts = new Map<number, number>();
    for (const row of rows) {
      const index = binIndexOf(spec.bins, row[spec.feature]);
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    for (const [j] of spec.bins.entries()) {
      if ((counts.get(j) ?? 0) < k) {
        problems.push({
          code: 'WHITELIST_SCORECARD_BIN_TOO_SMALL',
          field: `features[${i}].bins[${j}]`,
          params: { feature: spec.feature, bin: j + 1, k },
        });
      }
    }
    const missing = counts.get(-2) ?? 0;
    if (missing > 0 && missing < k) {
      problems.push({
        code: 'WHITELIST_SCORECARD_BIN_TOO_SMALL',
        field: `features[${i}].missingPoints`,
        params: { feature: spec.feature, bin: 'missing', k },
      });
    }
  }

  const hierarchies =
    options.release === undefined ? null : findWhitelistHierarchies(options.release.hierarchyVersion);
  if (options.release !== undefined && hierarchies !== null) {
    for (const [i, spec] of scorecard.features.entries()) {
      if (!(whitelistQuasiIdentifiers as readonly string[]).includes(spec.feature)) continue;
      const feature = spec.feature as WhitelistQuasiIdentifier;
      const level = options.release.levels[feature];
      const pointsByLabel = new Map<string, number>();
      for (const row of rows) {
        const label = generaliseQuasiIdentifier(hierarchies, feature, level, row[feature]);
        const index = binIndexOf(spec.bins, row[feature]);
        const points = index < 0 ? 0 : spec.bins[index]!.points;
        const earlier = pointsByLabel.get(label);
        if (earlier === undefined) pointsByLabel.set(label, points);
        else if (earlier !== points) {
          problems.push({
            code: 'WHITELIST_SCORECARD_QUASI_IDENTIFIER_TOO_FINE',
            field: `features[${i}].bins`,
            params: { feature, value: label },
          });
          break;
        }
      }
    }
  } else if (options.release !== undefined) {
    problems.push(invalid('', `unknown hierarchy version ${options.release.hierarchyVersion}`));
  }
  if (problems.length > 0) return problems;

  const columns = toWhitelistFeatureColumns(rows);
  const grades = runScorecardColumns(compileScorecard(scorecard), columns);
  const outcomeCounts = new Map<number, number>();
  for (const grade of grades) outcomeCounts.set(grade, (outcomeCounts.get(grade) ?? 0) + 1);
  for (const [grade, count] of [...outcomeCounts].sort((a, b) => a[0] - b[0])) {
    if (count < k) {
      problems.push({
        code: 'WHITELIST_SCORECARD_GRADE_TOO_SMALL',
        field: 'grades',
        params: { grade: grade < 0 ? '—' : whitelistGrades[grade]!, k },
      });
    }
  }
  if (problems.length > 0 || (options.previousScorecards ?? []).length === 0) return problems;

  const joint = new Map<string, number>();
  for (const key of jointOutcomeKeys([...(options.previousScorecards ?? []), scorecard], columns)) {
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  if ([...joint.values()].some((count) => count < k)) {
    problems.push({ code: 'WHITELIST_SCORECARD_OUTCOME_TOO_SMALL', field: '', params: { k } });
  }
  return problems;
}
