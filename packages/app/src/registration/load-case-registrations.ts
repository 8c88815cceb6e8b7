import { asc, eq } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';

/** Every registration of a case, oldest filing first. */
export async function loadCaseRegistrations(executor: Executor, caseId: string): Promise<RegistrationView[]> {
  const rows = await executor
    .select()
    .from(tables.pledgeRegistrations)
    .where(eq(tables.pledgeRegistrations.caseId, caseId))
    .orderBy(asc(tables.pledgeRegistrations.createdAt), asc(tables.pledgeRegistrations.applicationNumber));
  return toRegistrationViews(executor, rows);
}
