import { eq, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';

/**
 * Which admissions an actor sees (issue 7 item 6): the bureau and regulators all of them, an evaluation firm its
 * own, banks only the admitted firms (the list they may commission formal reports from).
 */
export function evaluatorVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  if (scope === 'own_org') return eq(tables.evaluatorAdmissions.organisationId, actor.organisationId);
  if (scope !== 'all') return sql`false`;
  if (actor.organisationKind === 'bank') return eq(tables.evaluatorAdmissions.state, 'admitted');
  return sql`true`;
}
