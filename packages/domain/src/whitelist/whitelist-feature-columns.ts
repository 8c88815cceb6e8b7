import type { WhitelistFeatureRow } from './whitelist-feature-row.ts';

export const whitelistCategoryFeatures = ['district', 'cluster', 'sizeClass'] as const;
export type WhitelistCategoryFeature = (typeof whitelistCategoryFeatures)[number];
export const whitelistFlagFeatures = ['highTech', 'specialised'] as const;
export type WhitelistFlagFeature = (typeof whitelistFlagFeatures)[number];
export const whitelistNumberFeatures = [
  'foundedYear',
  'employees',
  'validInventionPatents',
  'validPatents',
  'valuationScore',
  'patentGrowth3y',
  'registeredCapitalWan',
  'overdueCount',
] as const;
export type WhitelistNumberFeature = (typeof whitelistNumberFeatures)[number];

/**
 * The round's features column by column (typed arrays): what compute-to-data scoring runs on, so a million
 * enterprises take a few megabytes and tight loops. Categories are codes into `values`; a missing number is NaN.
 */
export interface WhitelistFeatureColumns {
  readonly length: number;
  readonly enterpriseIds: readonly string[];
  readonly categories: Readonly<
    Record<WhitelistCategoryFeature, { readonly codes: Uint16Array; readonly values: readonly string[] }>
  >;
  readonly flags: Readonly<Record<WhitelistFlagFeature, Uint8Array>>;
  readonly numbers: Readonly<Record<WhitelistNumberFeature, Float64Array>>;
}

/** Turns rows into columns (same order). */
export function toWhitelistFeatureColumns(rows: readonly WhitelistFeatureRow[]): WhitelistFeatureColumns {
  const n = rows.length;
  const categories = {} as Record<WhitelistCategoryFeature, { codes: Uint16Array; values: string[] }>;
  for (const feature of whitelistCategoryFeatures) {
    const intern = new Map<string, number>();
    const codes = new Uint16Array(n);
    for (let r = 0; r < n; r += 1) {
      const value = rows[r]![feature];
      let code = intern.get(value);
      if (code === undefined) {
        code = intern.size;
        intern.set(value, code);
      }
      codes[r] = code;
    }
    categories[feature] = { codes, values: [...intern.keys()] };
  }
  const flags = {} as Record<WhitelistFlagFeature, Uint8Array>;
  for (const feature of whitelistFlagFeatures) {
    const column = new Uint8Array(n);
    for (let r = 0; r < n; r += 1) column[r] = rows[r]![feature] ? 1 : 0;
    flags[feature] = column;
  }
  const numbers = {} as Record<WhitelistNumberFeature, Float64Array>;
  for (const feature of whitelistNumberFeatures) {
    const column = new Float64Array(n);
    for (let r = 0; r < n; r += 1) column[r] = rows[r]![feature] ?? Number.NaN;
    numbers[feature] = column;
  }
  return { length: n, enterpriseIds: rows.map((r) => r.enterpriseId), categories, flags, numbers };
}
