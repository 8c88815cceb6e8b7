import { and, eq, exists, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';

const { valuations, enterprises, organisations } = tables;

/**
 * The SQL condition on `valuations` for an actor's scope: an enterprise sees the valuations of its own assets, an
 * evaluation firm the ones it made (`own_org`), a bank those of its customers' assets by hierarchy (`customers`)
 * but another bank's internal evaluation never, a district bureau its district's, supervisors all.
 */
export function valuationVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>, today: string): SQL {
  if (scope === 'all') return sql`true`;
  if (scope === 'own_org')
    return actor.role === 'enterprise_user'
      ? eq(valuations.enterpriseId, actor.organisationId)
      : eq(valuations.organisationId, actor.organisationId);
  const ownerVisible = exists(
    sql`(select 1 from ${enterprises} where ${and(eq(enterprises.organisationId, valuations.enterpriseId), enterpriseVisibility(actor, scope, today))})`,
  );
  if (scope !== 'customers') return ownerVisible;
  // 银行内部评估 is the bank's own work: shared with its own hierarchy only, not with a competing lender.
  const madeInTree = exists(
    sql`(select 1 from ${organisations} where ${and(eq(organisations.id, valuations.organisationId), like(organisations.path, `${actor.organisationPath}%`))})`,
  );
  return and(ownerVisible, or(ne(valuations.kind, 'internal_evaluation'), madeInTree))!;
}
