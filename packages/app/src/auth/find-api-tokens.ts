import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import type { OrganisationKind, Role } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { operations } from '../access/permission-matrix.ts';
import { generateToken, hashToken } from '../crypto/tokens.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toApiTokenView, type ApiTokenView } from './api-token-view.ts';

/** 接口令牌列表 of the actor's organisation. */
export async function findApiTokens(actor: Actor, deps: AppDeps): Promise<ApiTokenView[]> {
  authorize(actor, 'api_token.list');
  const rows = await deps.db.select().from(tables.apiTokens).where(eq(tables.apiTokens.organisationId, actor.organisationId)).orderBy(desc(tables.apiTokens.createdAt));
  return rows.map(toApiTokenView);
}
