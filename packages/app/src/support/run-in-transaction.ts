import type { Transaction } from '@ipf/db';
import type { AppDeps } from '../deps.ts';

/** One use case, one transaction: everything inside commits together or not at all (design.md rule 2). */
export function runInTransaction<T>(
  deps: Pick<AppDeps, 'db'>,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(work);
}
