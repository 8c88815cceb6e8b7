import { eq } from 'drizzle-orm';
import type { OrganisationKind, Role } from '@ipf/domain/party';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';

/** Demo users as actors, by login, as a session would resolve them (`resolveSession`). */
export interface DemoActors {
  /** The actor of a demo login; throws for a login that is not on the platform. */
  byLogin(login: string): Actor;
  /** The (first) enterprise user of an enterprise organisation. */
  ofEnterprise(enterpriseId: string): Actor;
  /** Enterprises that have a demo user. */
  readonly enterpriseIds: ReadonlySet<string>;
}

/** Loads every demo user's membership once (the demo ledger acts as thousands of users). */
export async function loadDemoActors(executor: Executor, requestId: string): Promise<DemoActors> {
  const rows = await executor
    .select({
      userId: tables.users.id,
      login: tables.users.login,
      role: tables.memberships.role,
      organisationId: tables.organisations.id,
      organisationKind: tables.organisations.kind,
      organisationPath: tables.organisations.path,
      district: tables.organisations.district,
    })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
    .where(eq(tables.users.isDemo, true));
  const actors = rows.map((r): Actor & { readonly login: string } => ({
    login: r.login,
    userId: r.userId,
    organisationId: r.organisationId,
    organisationKind: r.organisationKind as OrganisationKind,
    organisationPath: r.organisationPath,
    district: r.district,
    role: r.role as Role,
    requestId,
    scopes: null,
  }));
  const byLogin = new Map(actors.map((a) => [a.login, a]));
  const byEnterprise = new Map<string, Actor>();
  for (const a of actors)
    if (a.role === 'enterprise_user' && !byEnterprise.has(a.organisationId))
      byEnterprise.set(a.organisationId, a);
  return {
    enterpriseIds: new Set(byEnterprise.keys()),
    byLogin(login) {
      const actor = byLogin.get(login);
      if (actor === undefined) throw new Error(`demo login ${login} is not on the platform`);
      return actor;
    },
    ofEnterprise(enterpriseId) {
      const actor = byEnterprise.get(enterpriseId);
      if (actor === undefined) throw new Error(`enterprise ${enterpriseId} has no demo user`);
      return actor;
    },
  };
}
