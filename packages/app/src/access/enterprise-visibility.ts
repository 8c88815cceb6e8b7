import { and, eq, exists, gte, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from './permission-matrix.ts';

const { enterprises, customerLinks, consents, organisations } = tables;

/**
 * The SQL condition on `enterprises` for an actor's scope (access.md "Relationships that grant access").
 * `customers`: an application or whitelist push to the actor's bank unit or a unit below it, or a consent to
 * such a unit that is neither revoked nor expired on `today`.
 */
export function enterpriseVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>, today: string): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'own_org':
      return eq(enterprises.organisationId, actor.organisationId);
    case 'district':
      return actor.district === null ? sql`false` : eq(enterprises.district, actor.district);
    case 'assigned':
      return exists(
        sql`(select 1 from ${consents} where ${and(
          eq(consents.enterpriseId, enterprises.organisationId),
          eq(consents.recipientId, actor.organisationId),
          isNull(consents.revokedAt),
          gte(consents.expiresOn, today),
        )})`,
      );
    case 'customers': {
      const inTree = like(organisations.path, `${actor.organisationPath}%`);
      return or(
        exists(
          sql`(select 1 from ${customerLinks} join ${organisations} on ${organisations.id} = ${customerLinks.bankUnitId}
               where ${and(eq(customerLinks.enterpriseId, enterprises.organisationId), inTree)})`,
        ),
        exists(
          sql`(select 1 from ${consents} join ${organisations} on ${organisations.id} = ${consents.recipientId}
               where ${and(eq(consents.enterpriseId, enterprises.organisationId), inTree, isNull(consents.revokedAt), gte(consents.expiresOn, today))})`,
        ),
      )!;
    }
  }
}
