import type { AnonymisedRelease } from './anonymised-release.ts';

/** Key of a released row's equivalence class: its generalised quasi-identifiers. */
export function releaseClassKey(row: {
  readonly district: string;
  readonly cluster: string;
  readonly sizeClass: string;
  readonly foundedYear: string;
  readonly employees: string;
}): string {
  return `${row.district}|${row.cluster}|${row.sizeClass}|${row.foundedYear}|${row.employees}`;
}

/**
 * k-匿名检查 (k-anonymity check) of a release as it stands: groups the rows by their generalised quasi-identifiers
 * and reports whether every class holds at least k rows, and the smallest class (0 for an empty release, which
 * fails). Run again on the stored release before it goes out (issue 10 item 2: "refuses to go out if k fails").
 */
export function checkKAnonymity(
  release: Pick<AnonymisedRelease, 'rows'>,
  k: number,
): { ok: boolean; smallestClass: number } {
  const sizes = new Map<string, number>();
  for (const row of release.rows) {
    const key = releaseClassKey(row);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let smallestClass = sizes.size === 0 ? 0 : Number.POSITIVE_INFINITY;
  for (const size of sizes.values()) smallestClass = Math.min(smallestClass, size);
  return { ok: sizes.size > 0 && smallestClass >= k, smallestClass };
}
