import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { canHoldRole, validatePassword, type OrganisationKind, type Role } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { getUser } from './get-user.ts';
import type { UserView } from './user-view.ts';

export interface CreateUserInput {
  readonly login: string;
  readonly displayName: string;
  readonly password: string;
  readonly organisationId: string;
  readonly role: Role;
}

/**
 * 新建用户 with one membership. The password must meet the policy; the role must fit the organisation's kind
 * (a bank clerk belongs to a bank). The user enrols a second factor at first log-in where the role requires it.
 */
export async function createUser(input: CreateUserInput, actor: Actor, deps: AppDeps): Promise<UserView> {
  authorize(actor, 'user.create');
  const login = input.login.trim().toLowerCase();
  const problems: ProblemDetail[] = [...validatePassword(input.password, login)];
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(login))
    problems.push({ code: 'FIELD_INVALID_FORMAT', field: 'login' });
  assertNoProblems(problems);
  const passwordHash = await hash(input.password);

  const id = await runInTransaction(deps, async (tx) => {
    const [org] = await tx
      .select()
      .from(tables.organisations)
      .where(eq(tables.organisations.id, input.organisationId));
    if (org === undefined)
      throw new DomainError(
        'VALIDATION_FAILED',
        { count: 1 },
        { problems: [{ code: 'NOT_FOUND', field: 'organisationId' }] },
      );
    if (!canHoldRole(input.role, org.kind as OrganisationKind)) {
      const params = { role: input.role, kind: org.kind };
      throw new DomainError('ROLE_NOT_ALLOWED_FOR_ORGANISATION', params, {
        problems: [{ code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION', field: 'role', params }],
      });
    }
    const [taken] = await tx
      .select({ id: tables.users.id })
      .from(tables.users)
      .where(eq(tables.users.login, login));
    if (taken !== undefined) {
      throw new DomainError(
        'LOGIN_ALREADY_TAKEN',
        { login },
        { problems: [{ code: 'LOGIN_ALREADY_TAKEN', field: 'login', params: { login } }] },
      );
    }
    const now = deps.clock.now();
    const userId = randomUUID();
    await tx
      .insert(tables.users)
      .values({ id: userId, login, displayName: input.displayName.trim(), passwordHash, createdAt: now });
    await tx
      .insert(tables.memberships)
      .values({ id: randomUUID(), userId, organisationId: org.id, role: input.role, createdAt: now });
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
        after: { login, displayName: input.displayName.trim(), organisationId: org.id, role: input.role },
      },
      now,
    );
    return userId;
  });
  return getUser(id, actor, deps);
}
