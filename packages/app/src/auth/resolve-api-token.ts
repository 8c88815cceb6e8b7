import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { OrganisationKind, Role } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { hashToken } from '../crypto/tokens.ts';

/** Resolves a bearer token to its actor (creator's role and organisation, limited to the token's scopes). */
export async function resolveApiToken(
  token: string,
  requestId: string,
  deps: Pick<AppDeps, 'db' | 'clock'>,
): Promise<Actor> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({
      token: tables.apiTokens,
      membership: tables.memberships,
      organisation: tables.organisations,
      user: tables.users,
    })
    .from(tables.apiTokens)
    .innerJoin(tables.memberships, eq(tables.memberships.id, tables.apiTokens.membershipId))
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.apiTokens.organisationId))
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(
      and(
        eq(tables.apiTokens.tokenHash, hashToken(token)),
        isNull(tables.apiTokens.revokedAt),
        or(isNull(tables.apiTokens.expiresAt), gt(tables.apiTokens.expiresAt, now)),
      ),
    );
  if (row === undefined || row.user.status !== 'active') throw new DomainError('API_TOKEN_INVALID');
  await deps.db
    .update(tables.apiTokens)
    .set({ lastUsedAt: now })
    .where(eq(tables.apiTokens.id, row.token.id));
  return {
    userId: row.user.id,
    organisationId: row.organisation.id,
    organisationKind: row.organisation.kind as OrganisationKind,
    organisationPath: row.organisation.path,
    district: row.organisation.district,
    role: row.membership.role as Role,
    requestId,
    scopes: row.token.scopes,
  };
}
