import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import type { CaseRow } from '../ledger/case-view.ts';

const { financingCases, caseParticipants } = tables;

/**
 * The cases a registration actor may see: the ledger's case visibility, and for `assigned` (a guarantor filing its
 * counter-guarantee pledge, access.md "Case parties") the cases its organisation takes part in.
 */
export function registrationCaseVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  if (scope !== 'assigned') return caseVisibility(actor, scope);
  return exists(
    sql`(select 1 from ${caseParticipants} where ${and(eq(caseParticipants.caseId, financingCases.id), eq(caseParticipants.organisationId, actor.organisationId))})`,
  );
}

/** Loads a case the actor may see for registration, or NOT_FOUND (another bank's case is indistinguishable from none). */
export async function getRegistrationCase(
  executor: Executor,
  caseId: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<CaseRow> {
  const [row] = await executor
    .select()
    .from(financingCases)
    .where(and(eq(financingCases.id, caseId), registrationCaseVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** Loads a registration whose case the actor may see, with that case, or NOT_FOUND. */
export async function getVisibleRegistration(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<{ registration: typeof tables.pledgeRegistrations.$inferSelect; caseRow: CaseRow }> {
  const [registration] = await executor
    .select()
    .from(tables.pledgeRegistrations)
    .where(eq(tables.pledgeRegistrations.id, id));
  if (registration === undefined) throw new DomainError('NOT_FOUND');
  const caseRow = await getRegistrationCase(executor, registration.caseId, actor, scope);
  return { registration, caseRow };
}
