import type { AnonymisedRelease } from './anonymised-release.ts';
import { releaseClassKey } from './check-k-anonymity.ts';
import { findWhitelistHierarchies, generaliseQuasiIdentifier } from './generalisation-hierarchies.ts';
import type { PublicRegistryEntry } from './linkage-attack.ts';
import { compileScorecard, runScorecardColumns } from './run-scorecard.ts';
import { toWhitelistFeatureColumns } from './whitelist-feature-columns.ts';
import type { WhitelistFeatureRow } from './whitelist-feature-row.ts';
import type { WhitelistScorecard } from './whitelist-scorecard.ts';
import { validateScorecard } from './validate-scorecard.ts';

export interface ScorecardAttackInput {
  /** The round's enterprises at full fidelity (the platform's side). */
  readonly rows: readonly WhitelistFeatureRow[];
  /** The attacking bank's release of the round. */
  readonly release: AnonymisedRelease;
  readonly pseudonymOf: (enterpriseId: string) => string;
  readonly publicRegistry: readonly PublicRegistryEntry[];
  /** The bank's submissions in order; each is validated against the ones accepted before it. */
  readonly scorecards: readonly WhitelistScorecard[];
  readonly k: number;
  readonly quota: number;
  /**
   * `full`: `validateScorecard` with the release and the earlier scorecards (the platform's rule). `bins-only`:
   * only quota and bins ≥ k, as a platform that read the minimum literally — kept to show what the other
   * checks prevent.
   */
  readonly checks?: 'full' | 'bins-only';
}

export interface ScorecardAttackResult {
  readonly submitted: number;
  readonly accepted: number;
  readonly attempted: number;
  readonly reidentified: number;
  readonly rate: number;
}

/**
 * 评分卡攻击 (a bank using its scorecard quota to single out enterprises, issue 10 item 8). The attacker is
 * stronger than any real bank: besides the public registry (district, cluster, size, founding year, head-count)
 * and its release, it is told each released pseudonym's exact non-identifying features, and it sees the grade
 * every accepted scorecard gave each pseudonym. For a pseudonym it keeps the registry enterprises that agree with
 * the row's generalised values and that, given the pseudonym's features and their own registry values, would have
 * received the very same grade from every accepted scorecard; it succeeds when exactly one remains and it is right.
 * With the platform's checks a scorecard's points on a quasi-identifier are constant on each released value, so
 * every member of the pseudonym's class stays a candidate and the rate stays ≤ 1/k (as for `linkageAttack`).
 * Scorecards run on the released enterprises only: suppressed ones are outliers and get no grade.
 */
export function scorecardAttack(input: ScorecardAttackInput): ScorecardAttackResult {
  const { release, k } = input;
  const hierarchies = findWhitelistHierarchies(release.hierarchyVersion);
  if (hierarchies === null) throw new Error(`unknown hierarchy version ${release.hierarchyVersion}`);
  const releasedPseudonyms = new Set(release.rows.map((r) => r.pseudonym));
  const rows = input.rows.filter((r) => releasedPseudonyms.has(input.pseudonymOf(r.enterpriseId)));

  const accepted: WhitelistScorecard[] = [];
  let submitted = 0;
  for (const scorecard of input.scorecards) {
    const problems =
      input.checks === 'bins-only'
        ? validateScorecard(scorecard, rows, { k, usedQuota: submitted, quota: input.quota }).filter(
            (p) =>
              p.code === 'WHITELIST_SCORECARD_BIN_TOO_SMALL' ||
              p.code === 'WHITELIST_SCORECARD_QUOTA_EXCEEDED' ||
              p.code === 'WHITELIST_SCORECARD_INVALID',
          )
        : validateScorecard(scorecard, rows, {
            k,
            usedQuota: submitted,
            quota: input.quota,
            previousScorecards: accepted,
            release,
          });
    if (problems.some((p) => p.code === 'WHITELIST_SCORECARD_QUOTA_EXCEEDED')) break;
    submitted += 1;
    if (problems.length === 0) accepted.push(scorecard);
  }
  const compiled = accepted.map(compileScorecard);
  const roundColumns = toWhitelistFeatureColumns(rows);
  const observed = compiled.map((c) => runScorecardColumns(c, roundColumns));

  const levels = release.levels;
  const registryByClass = new Map<string, PublicRegistryEntry[]>();
  for (const entry of input.publicRegistry) {
    if (entry.employees === undefined) continue;
    const key = releaseClassKey({
      district: generaliseQuasiIdentifier(hierarchies, 'district', levels.district, entry.district),
      cluster: generaliseQuasiIdentifier(hierarchies, 'cluster', levels.cluster, entry.cluster),
      sizeClass: generaliseQuasiIdentifier(hierarchies, 'sizeClass', levels.sizeClass, entry.sizeClass),
      foundedYear: generaliseQuasiIdentifier(
        hierarchies,
        'foundedYear',
        levels.foundedYear,
        entry.foundedYear,
      ),
      employees: generaliseQuasiIdentifier(hierarchies, 'employees', levels.employees, entry.employees),
    });
    const list = registryByClass.get(key);
    if (list === undefined) registryByClass.set(key, [entry]);
    else list.push(entry);
  }
  const rowByPseudonym = new Map(
    rows.map((row, index) => [input.pseudonymOf(row.enterpriseId), { row, index }]),
  );

  let reidentified = 0;
  for (const released of release.rows) {
    const own = rowByPseudonym.get(released.pseudonym)!;
    const classMembers = registryByClass.get(releaseClassKey(released)) ?? [];
    // Hypothetical rows: each candidate's registry values with the pseudonym's own features.
    const hypotheses: WhitelistFeatureRow[] = classMembers.map((c) => ({
      ...own.row,
      enterpriseId: c.enterpriseId,
      district: c.district,
      cluster: c.cluster,
      sizeClass: c.sizeClass,
      foundedYear: c.foundedYear,
      employees: c.employees!,
    }));
    const columns = toWhitelistFeatureColumns(hypotheses);
    const consistent = hypotheses.map(() => true);
    for (const [s, c] of compiled.entries()) {
      const grades = runScorecardColumns(c, columns);
      const seen = observed[s]![own.index]!;
      for (let h = 0; h < hypotheses.length; h += 1) if (grades[h] !== seen) consistent[h] = false;
    }
    const candidates = hypotheses.filter((_, h) => consistent[h]);
    if (candidates.length === 1 && candidates[0]!.enterpriseId === own.row.enterpriseId) reidentified += 1;
  }
  const attempted = release.rows.length;
  return {
    submitted,
    accepted: accepted.length,
    attempted,
    reidentified,
    rate: attempted === 0 ? 0 : reidentified / attempted,
  };
}
