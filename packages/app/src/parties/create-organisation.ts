import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import type { BankLevel, DistrictCode, OrganisationKind } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toOrganisationView, type OrganisationView } from './organisation-view.ts';

export interface CreateOrganisationInput {
  readonly kind: OrganisationKind;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly parentId?: string | null;
  readonly bankLevel?: BankLevel | null;
  readonly district?: DistrictCode | null;
  /** Fixed id (demo seeding); a new UUID otherwise. */
  readonly id?: string;
}

const childLevel: Readonly<Record<BankLevel, BankLevel | null>> = {
  head_office: 'branch',
  branch: 'sub_branch',
  sub_branch: null,
};

/**
 * 新建机构. Bank units need a level; a branch's parent is its bank's head office, a sub-branch's a branch
 * (the hierarchy drives who sees what). District bureaus need their district.
 */
export async function createOrganisation(
  input: CreateOrganisationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<OrganisationView> {
  authorize(actor, 'organisation.create');
  const problems: ProblemDetail[] = [];
  if (input.kind === 'bank' && input.bankLevel == null)
    problems.push({ code: 'FIELD_REQUIRED', field: 'bankLevel' });
  if (input.kind !== 'bank' && input.bankLevel != null)
    problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'bankLevel' });
  if (input.kind === 'district_bureau' && input.district == null)
    problems.push({ code: 'FIELD_REQUIRED', field: 'district' });
  if (input.kind === 'enterprise') problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'kind' });
  assertNoProblems(problems);

  return runInTransaction(deps, async (tx) => {
    const id = input.id ?? randomUUID();
    let path = `/${id}/`;
    if (input.parentId != null) {
      const [parent] = await tx
        .select()
        .from(tables.organisations)
        .where(eq(tables.organisations.id, input.parentId));
      const expected = parent?.bankLevel == null ? null : childLevel[parent.bankLevel as BankLevel];
      if (parent === undefined || parent.kind !== input.kind || expected !== input.bankLevel) {
        throw new DomainError(
          'PARENT_ORGANISATION_INVALID',
          {},
          { problems: [{ code: 'PARENT_ORGANISATION_INVALID', field: 'parentId' }] },
        );
      }
      path = `${parent.path}${id}/`;
    } else if (input.kind === 'bank' && input.bankLevel !== 'head_office') {
      throw new DomainError(
        'PARENT_ORGANISATION_INVALID',
        {},
        { problems: [{ code: 'PARENT_ORGANISATION_INVALID', field: 'parentId' }] },
      );
    }
    const now = deps.clock.now();
    const [row] = await tx
      .insert(tables.organisations)
      .values({
        id,
        kind: input.kind,
        nameZh: input.nameZh.trim(),
        nameEn: input.nameEn.trim(),
        parentId: input.parentId ?? null,
        path,
        bankLevel: input.bankLevel ?? null,
        district: input.district ?? null,
        uscc: null,
        createdAt: now,
      })
      .returning();
    const view = toOrganisationView(row!);
    await deps.audit.append(
      tx,
      actor,
      { action: 'organisation.created', entityType: 'organisation', entityId: id, after: view },
      now,
    );
    return view;
  });
}
