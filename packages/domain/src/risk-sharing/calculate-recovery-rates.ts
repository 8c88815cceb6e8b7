import { DomainError } from '../errors/domain-error.ts';
import type { IpAssetKind } from '../ip-asset/ip-asset-kind.ts';
import { createRate, type Rate } from '../money/rate.ts';
import { DISPOSITION_PATHS, type DispositionPath } from './transition-disposition.ts';

/** One closed disposition: the pledged IP's kind, the path, the exposure at default and the net amount recovered. */
export interface DispositionOutcome {
  readonly ipKind: IpAssetKind;
  readonly path: DispositionPath;
  readonly exposureFen: bigint;
  readonly recoveredFen: bigint;
}

/** 回收率 by IP kind and path: `recovered ÷ exposure` as an exact fraction (null when the exposure is 0). */
export interface RecoveryRateRow {
  readonly ipKind: IpAssetKind;
  readonly path: DispositionPath;
  readonly caseCount: number;
  readonly exposureFen: bigint;
  readonly recoveredFen: bigint;
  readonly recoveryRate: Rate | null;
}

/**
 * 回收率统计 (recovery rate by IP kind and path): pure aggregation, `rate = Σ recovered ÷ Σ exposure` per
 * (kind, path), exact. Rows sorted by kind, then by path in the order reverse_licence, auction, transfer,
 * debt_to_equity. Example: invention patents by auction, exposure 3,000,000 and 1,000,000, recovered 200,000 and
 * 600,000 → 1/5. Source: issue 8 item 5 "recovery rate by IP type and path"; domain-reference.md "Disposition"
 * (one case: appraised 3 m, realised 0.2 m).
 * @throws DomainError DISPOSITION_AMOUNT_INVALID for a negative amount.
 */
export function calculateRecoveryRates(outcomes: readonly DispositionOutcome[]): RecoveryRateRow[] {
  const groups = new Map<
    string,
    {
      ipKind: IpAssetKind;
      path: DispositionPath;
      caseCount: number;
      exposureFen: bigint;
      recoveredFen: bigint;
    }
  >();
  for (const outcome of outcomes) {
    if (outcome.exposureFen < 0n || outcome.recoveredFen < 0n)
      throw new DomainError('DISPOSITION_AMOUNT_INVALID');
    const key = `${outcome.ipKind}|${outcome.path}`;
    const group = groups.get(key) ?? {
      ipKind: outcome.ipKind,
      path: outcome.path,
      caseCount: 0,
      exposureFen: 0n,
      recoveredFen: 0n,
    };
    groups.set(key, {
      ...group,
      caseCount: group.caseCount + 1,
      exposureFen: group.exposureFen + outcome.exposureFen,
      recoveredFen: group.recoveredFen + outcome.recoveredFen,
    });
  }

  return [...groups.values()]
    .sort((a, b) =>
      a.ipKind === b.ipKind
        ? DISPOSITION_PATHS.indexOf(a.path) - DISPOSITION_PATHS.indexOf(b.path)
        : a.ipKind < b.ipKind
          ? -1
          : 1,
    )
    .map((group) => ({
      ...group,
      recoveryRate: group.exposureFen === 0n ? null : createRate(group.recoveredFen, group.exposureFen),
    }));
}
