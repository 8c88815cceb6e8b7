import { and, eq, exists, like, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';

const { financingCases, organisations, enterprises, caseParticipants } = tables;

/**
 * The SQL condition on `financing_cases` for an actor's scope (access.md): an enterprise its own cases; a bank
 * user (`own_org`) the cases of its unit and every unit below it (总行 all its branches', 分行 its own and its
 * sub-branches'), never another bank's; a district bureau its district's enterprises' cases; supervisors all;
 * a case party (`assigned`: guarantor, insurer, evaluator) the cases whose `case_participants` name its
 * organisation, and no other (access.md "Case parties").
 */
export function caseVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'own_org':
      if (actor.organisationKind === 'bank') {
        return exists(
          sql`(select 1 from ${organisations} where ${and(eq(organisations.id, financingCases.bankUnitId), like(organisations.path, `${actor.organisationPath}%`))})`,
        );
      }
      return eq(financingCases.enterpriseId, actor.organisationId);
    case 'district':
      return actor.district === null
        ? sql`false`
        : exists(
            sql`(select 1 from ${enterprises} where ${and(eq(enterprises.organisationId, financingCases.enterpriseId), eq(enterprises.district, actor.district))})`,
          );
    case 'assigned':
      return exists(
        sql`(select 1 from ${caseParticipants} where ${and(eq(caseParticipants.caseId, financingCases.id), eq(caseParticipants.organisationId, actor.organisationId))})`,
      );
    case 'customers':
      return sql`false`;
  }
}
