import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { operations } from '../access/permission-matrix.ts';
import { generateToken, hashToken } from '../crypto/tokens.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toApiTokenView, type ApiTokenView } from './api-token-view.ts';

/**
 * 创建接口令牌 for a bank's own systems. The token acts with its creator's role and organisation, limited to
 * `scopes` (operation ids or `prefix.*`); it is shown once and stored only as a hash.
 */
export async function createApiToken(
  input: { readonly name: string; readonly scopes: readonly string[]; readonly expiresAt?: Date | null },
  actor: Actor,
  deps: AppDeps,
): Promise<ApiTokenView & { readonly token: string }> {
  authorize(actor, 'api_token.create');
  const unknown = input.scopes.filter(
    (s) =>
      !(operations as readonly string[]).includes(s) &&
      !(s.endsWith('.*') && operations.some((op) => op.startsWith(s.slice(0, -1)))),
  );
  assertNoProblems(
    unknown.map((s) => ({ code: 'FIELD_NOT_ALLOWED', field: `scopes[${input.scopes.indexOf(s)}]` })),
  );
  const token = generateToken('ipf_');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [membership] = await tx
      .select()
      .from(tables.memberships)
      .where(
        and(
          eq(tables.memberships.userId, actor.userId),
          eq(tables.memberships.organisationId, actor.organisationId),
          eq(tables.memberships.role, actor.role),
        ),
      );
    if (membership === undefined) throw new DomainError('FORBIDDEN', { operation: 'api_token.create' });
    const [row] = await tx
      .insert(tables.apiTokens)
      .values({
        id: randomUUID(),
        organisationId: actor.organisationId,
        membershipId: membership.id,
        name: input.name.trim(),
        tokenHash: hashToken(token),
        scopes: [...input.scopes],
        createdAt: now,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    const view = toApiTokenView(row!);
    await deps.audit.append(
      tx,
      actor,
      { action: 'api_token.created', entityType: 'api_token', entityId: view.id, after: view },
      now,
    );
    return { ...view, token };
  });
}
