import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toApiTokenView, type ApiTokenView } from './api-token-view.ts';

/** 接口令牌列表 of the actor's organisation. */
export async function findApiTokens(actor: Actor, deps: AppDeps): Promise<ApiTokenView[]> {
  authorize(actor, 'api_token.list');
  const rows = await deps.db
    .select()
    .from(tables.apiTokens)
    .where(eq(tables.apiTokens.organisationId, actor.organisationId))
    .orderBy(desc(tables.apiTokens.createdAt));
  return rows.map(toApiTokenView);
}
