import { DomainError } from '../errors/domain-error.ts';
import { districtCodes, industryClusterCodes, sizeClassCodes } from '../party/reference-data.ts';
import type {
  AnonymisedRelease,
  AnonymisedReleaseRow,
  NoisyCount,
  ReleasedFeatureValue,
} from './anonymised-release.ts';
import {
  calculateGeneralisationPenalty,
  generaliseQuasiIdentifier,
  whitelistHierarchiesV2,
  type GeneralisationHierarchies,
  type GeneralisationLevels,
} from './generalisation-hierarchies.ts';
import {
  whitelistQuasiIdentifiers,
  whitelistReleasableFeatures,
  type WhitelistFeature,
  type WhitelistFeatureRow,
  type WhitelistReleasableFeature,
} from './whitelist-feature-row.ts';

export interface BuildAnonymisedReleaseInput {
  /** Every equivalence class of the release holds at least k rows (issue 10: configurable, default 5). */
  readonly k: number;
  readonly pseudonymOf: (enterpriseId: string) => string;
  /** Features to release besides the quasi-identifiers (quasi-identifiers named here are ignored). */
  readonly featureSet: readonly WhitelistFeature[];
  /** Laplace noise on the population counts: ε spent and the only randomness, uniform on [0, 1). */
  readonly noise?: { readonly epsilon: number; readonly uniform: () => number };
  /** Largest share of rows that may be suppressed instead of generalising further; default 5 %. */
  readonly maxSuppressionPct?: number;
  readonly hierarchies?: GeneralisationHierarchies;
}

/** Caps of released counts: beyond them a count says "at least" (a very large portfolio is itself identifying). */
export const releasedCountCaps = {
  validInventionPatents: 20,
  validPatents: 100,
  patentGrowth3y: 20,
  overdueCount: 3,
} as const;

/** Lower bounds (万元) of the registered-capital bands a release shows. */
export const registeredCapitalBandsWan = [0, 100, 500, 1000, 5000] as const;

function registeredCapitalBand(valueWan: number): string {
  const bounds = registeredCapitalBandsWan;
  let i = 0;
  while (i + 1 < bounds.length && valueWan >= bounds[i + 1]!) i += 1;
  const upper = bounds[i + 1];
  return upper === undefined ? `${bounds[i]}+` : `${bounds[i]}-${upper}`;
}

/** The released (coarsened) value of one non-identifying feature. */
export function coarsenFeature(
  row: WhitelistFeatureRow,
  feature: WhitelistReleasableFeature,
): ReleasedFeatureValue {
  switch (feature) {
    case 'highTech':
    case 'specialised':
      return row[feature];
    case 'valuationScore':
      return row.valuationScore === null ? null : Math.round(row.valuationScore);
    case 'registeredCapitalWan':
      return registeredCapitalBand(row.registeredCapitalWan);
    case 'validInventionPatents':
    case 'validPatents':
    case 'patentGrowth3y':
    case 'overdueCount':
      return Math.min(Math.max(0, Math.floor(row[feature])), releasedCountCaps[feature]);
  }
}

/** Sample of Laplace(0, scale) from one uniform draw by the inverse CDF. */
function sampleLaplace(scale: number, uniform: () => number): number {
  const u = uniform() - 0.5;
  const magnitude = Math.max(1e-12, 1 - 2 * Math.abs(u));
  return -scale * Math.sign(u) * Math.log(magnitude);
}

function noisyCounts(
  rows: readonly WhitelistFeatureRow[],
  noise: { readonly epsilon: number; readonly uniform: () => number },
): NoisyCount[] {
  // Three histograms over data-independent categories (the reference lists, plus `other`): adding or removing
  // one enterprise changes one cell of each by 1, so each gets ε/3 and Laplace scale 3/ε (sequential composition).
  const dimensions = [
    { dimension: 'district', values: districtCodes },
    { dimension: 'cluster', values: industryClusterCodes },
    { dimension: 'sizeClass', values: sizeClassCodes },
  ] as const;
  const scale = dimensions.length / noise.epsilon;
  const counts: NoisyCount[] = [];
  for (const { dimension, values } of dimensions) {
    const known = new Set<string>(values);
    const exact = new Map<string, number>([...values, 'other'].map((v) => [v, 0]));
    for (const row of rows) {
      const value = known.has(row[dimension]) ? row[dimension] : 'other';
      exact.set(value, exact.get(value)! + 1);
    }
    for (const [value, count] of exact) {
      counts.push({
        dimension,
        value,
        count: Math.max(0, Math.round(count + sampleLaplace(scale, noise.uniform))),
      });
    }
  }
  return counts;
}

interface Candidate {
  readonly levels: number[];
  readonly suppressed: number;
  readonly loss: number;
  /** Weighted NCP summed over the rows (suppressed rows cost every weight), or null without weights. */
  readonly penalty: number | null;
  readonly levelSum: number;
}

/** Relative slack under which two weighted penalties count as equal (they are sums of floating-point terms). */
const PENALTY_EPSILON = 1e-9;

/** Whether node `a` loses less than node `b`: weighted penalty first, then discernibility, then fewer levels. */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.penalty !== null && b.penalty !== null) {
    const slack = PENALTY_EPSILON * Math.max(1, Math.abs(a.penalty), Math.abs(b.penalty));
    if (a.penalty < b.penalty - slack) return true;
    if (a.penalty > b.penalty + slack) return false;
  }
  if (a.loss !== b.loss) return a.loss < b.loss;
  return a.levelSum < b.levelSum;
}

/**
 * 匿名化发布 (anonymised release) of a round's opted-in enterprises for one bank: k-anonymity by full-domain
 * generalisation with suppression (Samarati 2001; Sweeney 2002 "Datafly"; LeFevre et al. 2005 "Incognito").
 * Every node of the generalisation lattice (one level per quasi-identifier, 324 nodes with hierarchies v1) is
 * scored; rows in classes smaller than k are suppressed when at most `maxSuppressionPct` of the rows; among the
 * nodes that reach k the one that loses least wins. With the hierarchies' utility weights (v2, the default) the
 * loss is the weighted normalised certainty penalty (Xu et al. 2006): Σ over released rows of Σ weight × NCP of
 * each quasi-identifier's level, plus every weight for each suppressed row, so a column banks rely on (district,
 * cluster) is generalised only when cheaper columns (founding year, head-count) cannot reach k; ties, and every
 * comparison under unweighted hierarchies (v1), go to the least discernibility (Σ |class|² + suppressed × n,
 * Bayardo & Agrawal 2005), then to fewer levels, then to the lexicographically smaller vector. Released rows hold the pseudonym,
 * generalised quasi-identifiers and coarsened features (counts capped, score as integer, capital as a band).
 * Throws `WHITELIST_K_ANONYMITY_FAILED` when no node reaches k (e.g. fewer than k rows). Deterministic: the only
 * randomness is `noise.uniform`. Source: issue 10 item 2 (R5 十三 "可用不可见").
 */
export function buildAnonymisedRelease(
  rows: readonly WhitelistFeatureRow[],
  input: BuildAnonymisedReleaseInput,
): AnonymisedRelease {
  const hierarchies = input.hierarchies ?? whitelistHierarchiesV2;
  const k = input.k;
  const n = rows.length;
  if (!Number.isInteger(k) || k < 2)
    throw new DomainError('WHITELIST_K_ANONYMITY_FAILED', { k, rowCount: n });
  if (input.noise !== undefined && !(input.noise.epsilon > 0)) {
    throw new DomainError('WHITELIST_NOISE_INVALID');
  }
  const maxSuppressed = Math.floor((n * (input.maxSuppressionPct ?? 5)) / 100);

  // Codes per quasi-identifier and level, interned once: a lattice node then groups rows by integer keys.
  const heights = whitelistQuasiIdentifiers.map((q) => hierarchies[q].length);
  const codes: Int32Array[][] = [];
  const cardinalities: number[][] = [];
  const labels: string[][][] = [];
  for (const [qi, feature] of whitelistQuasiIdentifiers.entries()) {
    codes.push([]);
    cardinalities.push([]);
    labels.push([]);
    for (let level = 0; level < heights[qi]!; level += 1) {
      const intern = new Map<string, number>();
      const column = new Int32Array(n);
      for (let r = 0; r < n; r += 1) {
        const label = generaliseQuasiIdentifier(hierarchies, feature, level, rows[r]![feature]);
        let code = intern.get(label);
        if (code === undefined) {
          code = intern.size;
          intern.set(label, code);
        }
        column[r] = code;
      }
      codes[qi]!.push(column);
      cardinalities[qi]!.push(intern.size);
      labels[qi]!.push([...intern.keys()]);
    }
  }

  // Weighted NCP of every row at every level (hierarchies with weights only), and its column sums.
  const weights = hierarchies.weights;
  const penalties: Float64Array[][] = [];
  const penaltyTotals: number[][] = [];
  let weightSum = 0;
  if (weights !== undefined) {
    for (const [qi, feature] of whitelistQuasiIdentifiers.entries()) {
      const weight = weights[feature];
      weightSum += weight;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      if (feature === 'foundedYear' || feature === 'employees') {
        for (const row of rows) {
          min = Math.min(min, row[feature]);
          max = Math.max(max, row[feature]);
        }
      }
      penalties.push([]);
      penaltyTotals.push([]);
      for (let level = 0; level < heights[qi]!; level += 1) {
        const column = new Float64Array(n);
        let total = 0;
        for (let r = 0; r < n; r += 1) {
          const penalty =
            weight *
            calculateGeneralisationPenalty(hierarchies, feature, level, rows[r]![feature], { min, max });
          column[r] = penalty;
          total += penalty;
        }
        penalties[qi]!.push(column);
        penaltyTotals[qi]!.push(total);
      }
    }
  }

  // Integer keys when the key space fits 32 bits (always with hierarchies v1), doubles otherwise.
  const keySpace = cardinalities.reduce((p, c) => p * c[0]!, 1);
  const keysOf = (levels: readonly number[]): { keys: Int32Array | Float64Array; radix: number } => {
    const keys = keySpace < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
    let radix = 1;
    for (let qi = 0; qi < levels.length; qi += 1) {
      const column = codes[qi]![levels[qi]!]!;
      for (let r = 0; r < n; r += 1) keys[r] = keys[r]! + column[r]! * radix;
      radix *= cardinalities[qi]![levels[qi]!]!;
    }
    return { keys, radix };
  };

  // Class sizes per row: a dense counter when the key space is small (the usual case), else a map.
  const dense = new Int32Array(Math.min(1 << 22, keySpace));
  const classSizesOf = (
    levels: readonly number[],
  ): { keys: Int32Array | Float64Array; sizeOf: (key: number) => number; sizes: number[] } => {
    const { keys, radix } = keysOf(levels);
    if (radix <= dense.length) {
      const sizes: number[] = [];
      for (let r = 0; r < n; r += 1) {
        const key = keys[r]!;
        if (dense[key] === 0) sizes.push(key);
        dense[key] = dense[key]! + 1;
      }
      const counts = sizes.map((key) => dense[key]!);
      const snapshot = new Map<number, number>();
      for (const [i, key] of sizes.entries()) {
        snapshot.set(key, counts[i]!);
        dense[key] = 0;
      }
      return { keys, sizeOf: (key) => snapshot.get(key) ?? 0, sizes: counts };
    }
    const map = new Map<number, number>();
    for (let r = 0; r < n; r += 1) map.set(keys[r]!, (map.get(keys[r]!) ?? 0) + 1);
    return { keys, sizeOf: (key) => map.get(key) ?? 0, sizes: [...map.values()] };
  };

  let best: Candidate | null = null;
  const levels = heights.map(() => 0);
  for (;;) {
    const { keys, sizeOf, sizes } = classSizesOf(levels);
    let suppressed = 0;
    let loss = 0;
    for (const size of sizes) {
      if (size < k) suppressed += size;
      else loss += size * size;
    }
    if (suppressed <= maxSuppressed && n - suppressed >= k) {
      loss += suppressed * n;
      let penalty: number | null = null;
      if (weights !== undefined) {
        penalty = 0;
        for (let qi = 0; qi < levels.length; qi += 1) penalty += penaltyTotals[qi]![levels[qi]!]!;
        // A suppressed row loses every column: its cost becomes the sum of the weights.
        if (suppressed > 0)
          for (let r = 0; r < n; r += 1) {
            if (sizeOf(keys[r]!) >= k) continue;
            for (let qi = 0; qi < levels.length; qi += 1) penalty -= penalties[qi]![levels[qi]!]![r]!;
            penalty += weightSum;
          }
      }
      const levelSum = levels.reduce((a, b) => a + b, 0);
      const candidate: Candidate = { levels: [...levels], suppressed, loss, penalty, levelSum };
      if (best === null || isBetter(candidate, best)) best = candidate;
    }
    // Next node in lexicographic order (odometer); enumeration order makes ties go to the smaller vector.
    let qi = levels.length - 1;
    while (qi >= 0 && levels[qi] === heights[qi]! - 1) {
      levels[qi] = 0;
      qi -= 1;
    }
    if (qi < 0) break;
    levels[qi] = levels[qi]! + 1;
  }
  if (best === null) throw new DomainError('WHITELIST_K_ANONYMITY_FAILED', { k, rowCount: n });

  const { keys, sizeOf, sizes } = classSizesOf(best.levels);
  const featureSet = whitelistReleasableFeatures.filter((f) => input.featureSet.includes(f));
  const labelOf = (qi: number, r: number): string =>
    labels[qi]![best.levels[qi]!]![codes[qi]![best.levels[qi]!]![r]!]!;

  const released: AnonymisedReleaseRow[] = [];
  let smallestClass = Number.POSITIVE_INFINITY;
  let classCount = 0;
  for (const size of sizes) {
    if (size < k) continue;
    classCount += 1;
    smallestClass = Math.min(smallestClass, size);
  }
  for (let r = 0; r < n; r += 1) {
    if (sizeOf(keys[r]!) < k) continue;
    const row = rows[r]!;
    const features: Partial<Record<WhitelistReleasableFeature, ReleasedFeatureValue>> = {};
    for (const feature of featureSet) features[feature] = coarsenFeature(row, feature);
    released.push({
      pseudonym: input.pseudonymOf(row.enterpriseId),
      district: labelOf(0, r),
      cluster: labelOf(1, r),
      sizeClass: labelOf(2, r),
      foundedYear: labelOf(3, r),
      employees: labelOf(4, r),
      features,
    });
  }
  released.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));

  return {
    hierarchyVersion: hierarchies.version,
    k,
    levels: {
      district: best.levels[0]!,
      cluster: best.levels[1]!,
      sizeClass: best.levels[2]!,
      foundedYear: best.levels[3]!,
      employees: best.levels[4]!,
    } satisfies GeneralisationLevels,
    featureSet,
    inputCount: n,
    suppressedCount: best.suppressed,
    smallestClass,
    classCount,
    informationLoss: best.loss,
    utilityLoss: best.penalty === null || n === 0 ? null : best.penalty / (n * weightSum),
    rows: released,
    noise:
      input.noise === undefined
        ? null
        : { epsilon: input.noise.epsilon, mechanism: 'laplace', counts: noisyCounts(rows, input.noise) },
  };
}
