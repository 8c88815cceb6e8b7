import { asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

/** The city IP bureau (organisation kind `ip_bureau`): the programme's consent recipient and round runner. */
export async function findProgrammeBureau(
  executor: Executor,
): Promise<typeof tables.organisations.$inferSelect> {
  const [bureau] = await executor
    .select()
    .from(tables.organisations)
    .where(eq(tables.organisations.kind, 'ip_bureau'))
    .orderBy(asc(tables.organisations.createdAt), asc(tables.organisations.id))
    .limit(1);
  if (bureau === undefined) throw new DomainError('WHITELIST_PROGRAMME_BUREAU_MISSING');
  return bureau;
}
