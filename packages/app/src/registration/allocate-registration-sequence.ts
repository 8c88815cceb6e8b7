import { sql } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

/**
 * 登记号流水 (next running number of an authority for a year): one upsert (`insert … on conflict do update …
 * returning`) that holds the row lock until the transaction ends, so two filings never draw the same number and
 * a rolled-back filing returns its number.
 */
export async function allocateRegistrationSequence(
  tx: Executor,
  authorityId: string,
  year: number,
): Promise<number> {
  const { registrationSequences } = tables;
  const [row] = await tx
    .insert(registrationSequences)
    .values({ authorityId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [registrationSequences.authorityId, registrationSequences.year],
      set: { lastNumber: sql`${registrationSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: registrationSequences.lastNumber });
  return row!.lastNumber;
}
