import { and, count, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { loadUserViews } from './get-user.ts';
import type { UserView } from './user-view.ts';

export interface FindUsersInput extends PageInput {
  readonly q?: string;
  readonly organisationId?: string;
}

const { users, memberships } = tables;

/** 用户列表: search by login or display name, filter by organisation, paged. */
export async function findUsers(input: FindUsersInput, actor: Actor, deps: AppDeps): Promise<Page<UserView>> {
  authorize(actor, 'user.list');
  const conditions: SQL[] = [];
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(or(ilike(users.login, pattern), ilike(users.displayName, pattern))!);
  }
  if (input.organisationId !== undefined) {
    conditions.push(
      exists(
        sql`(select 1 from ${memberships} where ${and(eq(memberships.userId, users.id), eq(memberships.organisationId, input.organisationId))})`,
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ id: users.id })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.login)
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    items: await loadUserViews(
      deps.db,
      rows.map((r) => r.id),
      deps.clock.now(),
    ),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
