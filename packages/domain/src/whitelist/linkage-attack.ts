import type { AnonymisedRelease } from './anonymised-release.ts';
import { releaseClassKey } from './check-k-anonymity.ts';
import {
  findWhitelistHierarchies,
  generaliseQuasiIdentifier,
  type GeneralisationHierarchies,
} from './generalisation-hierarchies.ts';

/** What the fixed attacker knows of every enterprise: public registry data (工商登记). */
export interface PublicRegistryEntry {
  readonly enterpriseId: string;
  readonly district: string;
  readonly cluster: string;
  readonly sizeClass: string;
  readonly foundedYear: number;
  /** Head-count is often public too (annual reports); when absent the attacker cannot use it. */
  readonly employees?: number;
}

export interface LinkageAttackResult {
  readonly attempted: number;
  readonly reidentified: number;
  readonly rate: number;
}

/**
 * 链接攻击 (the fixed linkage attacker of issue 10 item 8): it knows every enterprise's district, cluster, size
 * class and founding year exactly (and head-count when given) and matches each released row to the registry
 * enterprises that agree with the row's generalised values; it succeeds when exactly one candidate remains and
 * it is the truth. Per equivalence class at most one row can succeed (a lone candidate is one enterprise), so the
 * rate is at most classes ÷ rows ≤ 1/k whatever the registry covers (Sweeney 2002).
 */
export function linkageAttack(
  release: AnonymisedRelease,
  publicRegistry: readonly PublicRegistryEntry[],
  truthOf: (pseudonym: string) => string,
  hierarchies?: GeneralisationHierarchies,
): LinkageAttackResult {
  const h = hierarchies ?? findWhitelistHierarchies(release.hierarchyVersion);
  if (h === null) throw new Error(`unknown hierarchy version ${release.hierarchyVersion}`);
  const levels = release.levels;
  const candidatesByKey = new Map<string, string[]>();
  for (const entry of publicRegistry) {
    // Without a head-count the attacker matches on the other four: a wildcard on employees.
    const employees =
      entry.employees === undefined
        ? null
        : generaliseQuasiIdentifier(h, 'employees', levels.employees, entry.employees);
    const key = releaseClassKey({
      district: generaliseQuasiIdentifier(h, 'district', levels.district, entry.district),
      cluster: generaliseQuasiIdentifier(h, 'cluster', levels.cluster, entry.cluster),
      sizeClass: generaliseQuasiIdentifier(h, 'sizeClass', levels.sizeClass, entry.sizeClass),
      foundedYear: generaliseQuasiIdentifier(h, 'foundedYear', levels.foundedYear, entry.foundedYear),
      employees: employees ?? '?',
    });
    const list = candidatesByKey.get(key);
    if (list === undefined) candidatesByKey.set(key, [entry.enterpriseId]);
    else list.push(entry.enterpriseId);
  }

  let reidentified = 0;
  for (const row of release.rows) {
    const exact = candidatesByKey.get(releaseClassKey(row)) ?? [];
    const wildcard = candidatesByKey.get(releaseClassKey({ ...row, employees: '?' })) ?? [];
    const candidates = exact.length + wildcard.length;
    const lone = exact[0] ?? wildcard[0];
    if (candidates === 1 && lone === truthOf(row.pseudonym)) reidentified += 1;
  }
  const attempted = release.rows.length;
  return { attempted, reidentified, rate: attempted === 0 ? 0 : reidentified / attempted };
}
