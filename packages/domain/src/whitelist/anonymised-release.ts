import type { GeneralisationLevels } from './generalisation-hierarchies.ts';
import type { WhitelistReleasableFeature } from './whitelist-feature-row.ts';

/** A released feature value after coarsening: capped count, integer score, capital band, flag, or `null`. */
export type ReleasedFeatureValue = number | boolean | string | null;

/**
 * One row a bank downloads: the pseudonym, the generalised quasi-identifiers and the chosen features, coarsened.
 * Never a name, USCC, exact date, contact or the enterprise id.
 */
export interface AnonymisedReleaseRow {
  readonly pseudonym: string;
  readonly district: string;
  readonly cluster: string;
  readonly sizeClass: string;
  readonly foundedYear: string;
  readonly employees: string;
  readonly features: Readonly<Partial<Record<WhitelistReleasableFeature, ReleasedFeatureValue>>>;
}

/** A noisy count of the round's population along one dimension (Laplace mechanism). */
export interface NoisyCount {
  readonly dimension: 'district' | 'cluster' | 'sizeClass';
  readonly value: string;
  readonly count: number;
}

/** 匿名化数据集 (anonymised release) of one round for one bank, with what it took to make it k-anonymous. */
export interface AnonymisedRelease {
  readonly hierarchyVersion: string;
  readonly k: number;
  readonly levels: GeneralisationLevels;
  readonly featureSet: readonly WhitelistReleasableFeature[];
  /** Enterprises offered to the release. */
  readonly inputCount: number;
  readonly suppressedCount: number;
  /** Smallest equivalence class among the released rows (≥ k). */
  readonly smallestClass: number;
  readonly classCount: number;
  /** Discernibility metric of the chosen levels (Σ class size² + suppressed × inputCount): lower loses less. */
  readonly informationLoss: number;
  /**
   * Weighted normalised certainty penalty of the chosen levels per row, as a share of the weights (0 = nothing
   * generalised, 1 = everything `*` or suppressed); null under hierarchies without weights (v1).
   */
  readonly utilityLoss: number | null;
  /** Rows sorted by pseudonym, so their order says nothing about the input. */
  readonly rows: readonly AnonymisedReleaseRow[];
  /** Noisy population counts and the privacy budget they spent, when noise was asked for. */
  readonly noise: {
    readonly epsilon: number;
    readonly mechanism: 'laplace';
    readonly counts: readonly NoisyCount[];
  } | null;
}
