import type { Grade, WhitelistFeature } from './whitelist-feature-row.ts';

/**
 * One bin of a scorecard feature: numbers fall in `[min, max)` (a missing bound is open), categories and flags
 * match `equals`; a bin with none of the three catches every value the other bins miss.
 */
export interface WhitelistScorecardBin {
  readonly min?: number;
  readonly max?: number;
  readonly equals?: string | boolean;
  readonly points: number;
}

/**
 * 评分卡 (a bank's declarative scorecard for compute-to-data pre-evaluation, issue 10 item 3a): features with bins
 * and integer points; the total picks the best grade whose `minPoints` it reaches, or none below `cutoffPoints`.
 * No code, no raw score leaves the platform. `missingPoints` scores a `null` value (only `valuationScore` has
 * them); without it a missing value scores 0.
 */
export interface WhitelistScorecard {
  readonly name: string;
  readonly features: readonly {
    readonly feature: WhitelistFeature;
    readonly bins: readonly WhitelistScorecardBin[];
    readonly missingPoints?: number;
  }[];
  readonly grades: readonly { readonly grade: Grade; readonly minPoints: number }[];
  readonly cutoffPoints: number;
}

/** A scorecard's outcome for one enterprise: the pseudonym and a grade, `null` below the cut-off. */
export interface ScorecardResult {
  readonly pseudonym: string;
  readonly grade: Grade | null;
}

/** Bounds of a bin's points and of a scorecard's size (structure rules of `validateScorecard`). */
export const scorecardLimits = {
  maxAbsPoints: 1000,
  maxFeatures: 20,
  maxBinsPerFeature: 20,
  maxGrades: 4,
} as const;
