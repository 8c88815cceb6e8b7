import { and, eq, gt } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { OrganisationKind, Role } from '@ipf/domain/party';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { hashToken } from '../crypto/tokens.ts';
import type { SessionStatus } from './session-status.ts';

export interface ResolvedSession {
  readonly tokenHash: string;
  readonly status: SessionStatus;
  readonly csrfToken: string;
  readonly actor: Omit<Actor, 'requestId'>;
  readonly user: {
    readonly id: string;
    readonly login: string;
    readonly displayName: string;
    readonly totpEnrolled: boolean;
    readonly failedLogins: number;
  };
  readonly organisation: {
    readonly id: string;
    readonly kind: OrganisationKind;
    readonly nameZh: string;
    readonly nameEn: string;
  };
}

/** Finds the live session behind a cookie token (not expired, user still active), or throws UNAUTHENTICATED. */
export async function resolveSession(
  token: string,
  deps: Pick<AppDeps, 'db' | 'clock'>,
  executor: Executor = deps.db,
): Promise<ResolvedSession> {
  const tokenHash = hashToken(token);
  const [row] = await executor
    .select({
      session: tables.sessions,
      user: tables.users,
      membership: tables.memberships,
      organisation: tables.organisations,
    })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .innerJoin(tables.memberships, eq(tables.memberships.id, tables.sessions.membershipId))
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
    .where(and(eq(tables.sessions.tokenHash, tokenHash), gt(tables.sessions.expiresAt, deps.clock.now())));
  if (row === undefined || row.user.status !== 'active') throw new DomainError('UNAUTHENTICATED');

  return {
    tokenHash,
    status: row.session.status as SessionStatus,
    csrfToken: row.session.csrfToken,
    actor: {
      userId: row.user.id,
      organisationId: row.organisation.id,
      organisationKind: row.organisation.kind as OrganisationKind,
      organisationPath: row.organisation.path,
      district: row.organisation.district,
      role: row.membership.role as Role,
      scopes: null,
    },
    user: {
      id: row.user.id,
      login: row.user.login,
      displayName: row.user.displayName,
      totpEnrolled: row.user.totpEnrolledAt !== null,
      failedLogins: row.user.failedLogins,
    },
    organisation: {
      id: row.organisation.id,
      kind: row.organisation.kind as OrganisationKind,
      nameZh: row.organisation.nameZh,
      nameEn: row.organisation.nameEn,
    },
  };
}
