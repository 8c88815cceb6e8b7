import { eq } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

/**
 * Takes the case row's lock (`FOR UPDATE`) before anything is read, so that two preparations or signatures of the
 * same case run one after the other: the second then sees the first one's documents and signatures and is
 * refused with its coded error (CASE_DOCUMENT_ALREADY_SIGNED, …) instead of colliding on a unique index.
 */
export async function lockCaseForSigning(executor: Executor, caseId: string): Promise<void> {
  await executor
    .select({ id: tables.financingCases.id })
    .from(tables.financingCases)
    .where(eq(tables.financingCases.id, caseId))
    .for('update');
}
