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

/** Every published hierarchy version, so a release can be checked again later. */
export const whitelistHierarchyVersions: readonly GeneralisationHierarchies[] = [whitelistHierarchiesV1];

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
