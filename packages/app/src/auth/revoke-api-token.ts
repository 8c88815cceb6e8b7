import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toApiTokenView, type ApiTokenView } from './api-token-view.ts';

/** 撤销接口令牌: takes effect on the next request. */
export async function revokeApiToken(
  input: { readonly tokenId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<ApiTokenView> {
  authorize(actor, 'api_token.revoke');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(tables.apiTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(tables.apiTokens.id, input.tokenId),
          eq(tables.apiTokens.organisationId, actor.organisationId),
          isNull(tables.apiTokens.revokedAt),
        ),
      )
      .returning();
    if (row === undefined) throw new DomainError('API_TOKEN_NOT_FOUND');
    const view = toApiTokenView(row);
    await deps.audit.append(
      tx,
      actor,
      { action: 'api_token.revoked', entityType: 'api_token', entityId: row.id, after: view },
      now,
    );
    return view;
  });
}
