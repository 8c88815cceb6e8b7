import { eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import type { UserView } from './user-view.ts';

/** 用户详情 (administrators only). */
export async function getUser(id: string, actor: Actor, deps: AppDeps): Promise<UserView> {
  authorize(actor, 'user.list');
  const [view] = await loadUserViews(deps.db, [id], deps.clock.now());
  if (view === undefined) throw new DomainError('NOT_FOUND');
  return view;
}

/** Users with their memberships, in the order of `ids`. */
export async function loadUserViews(db: Executor, ids: readonly string[], now: Date): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const users = await db
    .select()
    .from(tables.users)
    .where(inArray(tables.users.id, [...ids]));
  const memberships = await db
    .select({
      userId: tables.memberships.userId,
      organisationId: tables.organisations.id,
      organisationNameZh: tables.organisations.nameZh,
      organisationNameEn: tables.organisations.nameEn,
      role: tables.memberships.role,
    })
    .from(tables.memberships)
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
    .where(inArray(tables.memberships.userId, [...ids]));
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const user = byId.get(id);
    if (user === undefined) return [];
    const status =
      user.status === 'disabled'
        ? 'disabled'
        : user.lockedUntil !== null && user.lockedUntil > now
          ? 'locked'
          : 'active';
    return [
      {
        id: user.id,
        login: user.login,
        displayName: user.displayName,
        status,
        secondFactorEnrolled: user.totpEnrolledAt !== null,
        memberships: memberships.filter((m) => m.userId === id).map(({ userId: _u, ...m }) => m),
        createdAt: user.createdAt.toISOString(),
      } satisfies UserView,
    ];
  });
}
