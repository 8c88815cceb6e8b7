import type { WhitelistQuasiIdentifier } from './whitelist-feature-row.ts';

/** One level of a categorical hierarchy: the raw value, a grouping table, or everything as `*`. */
export type CategoryLevel =
  | { readonly kind: 'identity' }
  | { readonly kind: 'groups'; readonly groups: Readonly<Record<string, readonly string[]>> }
  | { readonly kind: 'suppress' };

/** One level of a numeric hierarchy: the raw value, equal-width bands, bands by lower bounds, or `*`. */
export type NumberLevel =
  | { readonly kind: 'identity' }
  | { readonly kind: 'width'; readonly width: number }
  | { readonly kind: 'bands'; readonly lowerBounds: readonly number[] }
  | { readonly kind: 'suppress' };

/**
 * 泛化层级 (generalisation hierarchies) of the quasi-identifiers, versioned data: level 0 is the finest value a
 * release may show, the last level is `*`. Changing them means a new version; a release records the version.
 */
export interface GeneralisationHierarchies {
  readonly version: string;
  readonly district: readonly CategoryLevel[];
  readonly cluster: readonly CategoryLevel[];
  readonly sizeClass: readonly CategoryLevel[];
  readonly foundedYear: readonly NumberLevel[];
  readonly employees: readonly NumberLevel[];
  /**
   * 信息损失权重 (utility weights) per quasi-identifier: how much a bank loses when that column is generalised.
   * With weights the release minimises the weighted normalised certainty penalty (`calculateGeneralisationPenalty`);
   * without them (v1) the discernibility metric alone, which is blind to which column was generalised.
   */
  readonly weights?: Readonly<Record<WhitelistQuasiIdentifier, number>>;
}

/** The level chosen for each quasi-identifier (0 = finest). */
export type GeneralisationLevels = Readonly<Record<WhitelistQuasiIdentifier, number>>;

/**
 * Hierarchies v1 (Shenzhen). District → 片区 → `*`: 中心城区 `central` (福田 罗湖 南山 盐田), 西部 `west` (宝安 光明
 * 龙华), 东部 `east` (龙岗 坪山 大鹏 深汕), as the city's 西部/中部/东部 planning groups. Cluster → one of five
 * "20+8" cluster groups → `*`. Size → 小微 / 大中 → `*`. Founding year → year → 5-year band → 10-year band → `*`.
 * Head-count → 7 bands (as in statistical reporting: <10, 10–19, 20–49, 50–99, 100–299, 300–999, ≥1000) → 3
 * bands (<50, 50–299, ≥300) → `*`; exact head-counts are never released.
 */
export const whitelistHierarchiesV1: GeneralisationHierarchies = {
  version: 'shenzhen-2026-v1',
  district: [
    { kind: 'identity' },
    {
      kind: 'groups',
      groups: {
        central: ['futian', 'luohu', 'nanshan', 'yantian'],
        west: ['baoan', 'guangming', 'longhua'],
        east: ['longgang', 'pingshan', 'dapeng', 'shenshan'],
      },
    },
    { kind: 'suppress' },
  ],
  cluster: [
    { kind: 'identity' },
    {
      kind: 'groups',
      groups: {
        'digital-info': [
          'network-communications',
          'semiconductors-ic',
          'uhd-video-display',
          'smart-terminals',
          'smart-sensors',
          'software-it-services',
          'blockchain',
          'quantum-information',
          'optical-computing',
        ],
        'advanced-manufacturing': [
          'industrial-machine-tools',
          'intelligent-robots',
          'laser-additive',
          'precision-instruments',
          'aerospace',
        ],
        'green-materials': [
          'new-energy',
          'energy-saving-environment',
          'intelligent-connected-vehicles',
          'new-materials',
          'marine',
          'deep-earth-sea',
        ],
        'life-health': [
          'high-end-medical-devices',
          'biomedicine',
          'big-health',
          'synthetic-biology',
          'cell-gene',
          'brain-science',
        ],
        'creative-consumer': ['digital-creative', 'modern-fashion'],
      },
    },
    { kind: 'suppress' },
  ],
  sizeClass: [
    { kind: 'identity' },
    { kind: 'groups', groups: { 'micro-small': ['micro', 'small'], 'medium-large': ['medium', 'large'] } },
    { kind: 'suppress' },
  ],
  foundedYear: [
    { kind: 'identity' },
    { kind: 'width', width: 5 },
    { kind: 'width', width: 10 },
    { kind: 'suppress' },
  ],
  employees: [
    { kind: 'bands', lowerBounds: [0, 10, 20, 50, 100, 300, 1000] },
    { kind: 'bands', lowerBounds: [0, 50, 300] },
    { kind: 'suppress' },
  ],
};

/**
 * Hierarchies v2 (Shenzhen, the default): the levels of v1 with utility weights, so that a release keeps what
 * banks price credit by and gives up first what they hardly use and what identifies most. District (at least
 * 片区) 4 and industry cluster (at least the "20+8" group) 4: banks' SME credit policies, branch coverage and
 * the city's subsidy and risk-pool programmes are set by district and industry, and scorecards bin on both; size
 * class 2: 小微 policy (普惠 quotas) turns on it but 小微/大中 keeps most of it; founding year 1 and head-count 1:
 * scorecards read them as coarse bands at most, and with exact values from the public registry they single out
 * enterprises most. Under v1 (discernibility only) k = 5 on the synthetic population suppressed the cluster
 * entirely while keeping the founding year to 5 years; v2 generalises year and head-count first (benchmarks.md).
 */
export const whitelistHierarchiesV2: GeneralisationHierarchies = {
  ...whitelistHierarchiesV1,
  version: 'shenzhen-2026-v2',
  weights: { district: 4, cluster: 4, sizeClass: 2, foundedYear: 1, employees: 1 },
};

/** Every published hierarchy version, so a release can be checked again later. */
export const whitelistHierarchyVersions: readonly GeneralisationHierarchies[] = [
  whitelistHierarchiesV1,
  whitelistHierarchiesV2,
];

const SUPPRESSED = '*';

function bandLabel(lower: number, upper: number | undefined): string {
  return upper === undefined ? `${lower}+` : `${lower}-${upper - 1}`;
}

/** Label of a number at one level: `2013`, `2010-2014`, `50-99`, `1000+`, `*`. */
export function generaliseNumber(level: NumberLevel, value: number): string {
  switch (level.kind) {
    case 'identity':
      return String(value);
    case 'suppress':
      return SUPPRESSED;
    case 'width': {
      const lower = Math.floor(value / level.width) * level.width;
      return bandLabel(lower, lower + level.width);
    }
    case 'bands': {
      const bounds = level.lowerBounds;
      let i = 0;
      while (i + 1 < bounds.length && value >= bounds[i + 1]!) i += 1;
      return bandLabel(bounds[i]!, bounds[i + 1]);
    }
  }
}

/** Label of a category at one level; a value a grouping table does not list generalises to `*`. */
export function generaliseCategory(level: CategoryLevel, value: string): string {
  switch (level.kind) {
    case 'identity':
      return value;
    case 'suppress':
      return SUPPRESSED;
    case 'groups': {
      for (const [group, members] of Object.entries(level.groups)) if (members.includes(value)) return group;
      return SUPPRESSED;
    }
  }
}

/** Label of one quasi-identifier value at a level of the hierarchies (the level is clamped to the top). */
export function generaliseQuasiIdentifier(
  hierarchies: GeneralisationHierarchies,
  feature: WhitelistQuasiIdentifier,
  level: number,
  value: string | number,
): string {
  if (feature === 'foundedYear' || feature === 'employees') {
    const levels = hierarchies[feature];
    return generaliseNumber(levels[Math.min(level, levels.length - 1)]!, Number(value));
  }
  const levels = hierarchies[feature];
  return generaliseCategory(levels[Math.min(level, levels.length - 1)]!, String(value));
}

/** Finds a published hierarchy version by name, or `null`. */
export function findWhitelistHierarchies(version: string): GeneralisationHierarchies | null {
  return whitelistHierarchyVersions.find((h) => h.version === version) ?? null;
}

/** Lower and upper bound (inclusive) of a number's bucket at one level; `null` for identity or `*`. */
function numberBucket(level: NumberLevel, value: number): readonly [number, number] | null {
  switch (level.kind) {
    case 'identity':
    case 'suppress':
      return null;
    case 'width': {
      const lower = Math.floor(value / level.width) * level.width;
      return [lower, lower + level.width - 1];
    }
    case 'bands': {
      const bounds = level.lowerBounds;
      let i = 0;
      while (i + 1 < bounds.length && value >= bounds[i + 1]!) i += 1;
      const upper = bounds[i + 1];
      return [bounds[i]!, upper === undefined ? Number.POSITIVE_INFINITY : upper - 1];
    }
  }
}

/**
 * 归一化确定性惩罚 (normalised certainty penalty, NCP; Xu et al. 2006 "Utility-based anonymization using local
 * recoding") of one value generalised to one level, in [0, 1]: 0 for the raw value, 1 for `*`. A category in a
 * group of g of the level's d listed values costs (g − 1) ÷ (d − 1); a number in a bucket costs the bucket's
 * width clipped to the column's range [min, max] divided by (max − min). Example: 南山 → 片区 `central` (4 of 11
 * districts) costs 3 ÷ 10 = 0.3; 2013 → `2010-2014` with founding years 1990–2025 costs 4 ÷ 35 ≈ 0.114.
 */
export function calculateGeneralisationPenalty(
  hierarchies: GeneralisationHierarchies,
  feature: WhitelistQuasiIdentifier,
  level: number,
  value: string | number,
  range: { readonly min: number; readonly max: number },
): number {
  if (feature === 'foundedYear' || feature === 'employees') {
    const levels = hierarchies[feature];
    const at = levels[Math.min(level, levels.length - 1)]!;
    if (at.kind === 'identity') return 0;
    const bucket = numberBucket(at, Number(value));
    if (bucket === null || range.max <= range.min) return at.kind === 'suppress' ? 1 : 0;
    const lower = Math.max(bucket[0], range.min);
    const upper = Math.min(bucket[1], range.max);
    return Math.min(1, Math.max(0, upper - lower) / (range.max - range.min));
  }
  const levels = hierarchies[feature];
  const at = levels[Math.min(level, levels.length - 1)]!;
  switch (at.kind) {
    case 'identity':
      return 0;
    case 'suppress':
      return 1;
    case 'groups': {
      const groups = Object.values(at.groups);
      const domain = groups.reduce((sum, members) => sum + members.length, 0);
      const group = groups.find((members) => members.includes(String(value)));
      if (group === undefined || domain <= 1) return 1;
      return (group.length - 1) / (domain - 1);
    }
  }
}
