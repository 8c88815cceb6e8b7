import { and, eq } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

/**
 * The organisation of a district's IP bureau (the reviewers of that district), or null when the district has
 * none on record; for notifications addressed to "the district".
 */
export async function findDistrictBureauId(tx: Executor, district: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: tables.organisations.id })
    .from(tables.organisations)
    .where(and(eq(tables.organisations.kind, 'district_bureau'), eq(tables.organisations.district, district)))
    .limit(1);
  return row?.id ?? null;
}
