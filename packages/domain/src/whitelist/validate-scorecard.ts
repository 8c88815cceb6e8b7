import type { ProblemDetail } from '../errors/domain-error.ts';
import type { AnonymisedRelease } from './anonymised-release.ts';
import type { WhitelistFeatureRow } from './whitelist-feature-row.ts';
import type { WhitelistScorecard } from './whitelist-scorecard.ts';

export interface ValidateScorecardOptions {
  /** Least number of the round's enterprises every bin (and every outcome) must hold. */
  readonly k: number;
  /** Scorecards the bank has already submitted in this round (refused ones count too). */
  readonly usedQuota: number;
  readonly quota: number;
  /** The bank's scorecards already run in this round: their joint outcomes with this one must hold ≥ k each. */
  readonly previousScorecards?: readonly WhitelistScorecard[];
  /** The bank's release: bins on quasi-identifiers may not be finer than its generalisation levels. */
  readonly release?: Pick<AnonymisedRelease, 'levels' | 'hierarchyVersion'>;
}

/** Validates a bank's scorecard (structure, privacy, quota); an empty list means it may run. */
export function validateScorecard(
  _scorecard: WhitelistScorecard,
  _rows: readonly WhitelistFeatureRow[],
  _options: ValidateScorecardOptions,
): ProblemDetail[] {
  throw new Error('validateScorecard: implementation follows (issue 10)');
}
