import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

/** 专家信息 as the bureau enters it. */
export interface ExpertInput {
  readonly name: string;
  readonly title?: string;
  readonly fields: readonly string[];
  /** IPC subclasses or groups, e.g. `G06F`, `H01M 10`. */
  readonly ipcExpertise: readonly string[];
  /** The affiliation's organisation on the platform, when it is on it (decides conflicts). */
  readonly affiliationOrganisationId?: string;
  readonly affiliationName: string;
  /** A user with the `expert` role who records the expert's own opinions. */
  readonly userId?: string;
  readonly active?: boolean;
}

/** Normalises the input and checks that the affiliation and the login exist (else NOT_FOUND). */
export async function resolveExpertInput(executor: Executor, input: ExpertInput) {
  if (input.affiliationOrganisationId !== undefined) {
    const [org] = await executor
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, input.affiliationOrganisationId));
    if (org === undefined) throw new DomainError('NOT_FOUND');
  }
  if (input.userId !== undefined) {
    const [membership] = await executor
      .select({ id: tables.memberships.id })
      .from(tables.memberships)
      .where(and(eq(tables.memberships.userId, input.userId), eq(tables.memberships.role, 'expert')));
    if (membership === undefined) throw new DomainError('NOT_FOUND');
  }
  const title = input.title?.trim();
  return {
    name: input.name.trim(),
    title: title === undefined || title === '' ? null : title,
    fields: [...new Set(input.fields.map((f) => f.trim()).filter((f) => f !== ''))],
    ipcExpertise: [...new Set(input.ipcExpertise.map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))],
    affiliationOrganisationId: input.affiliationOrganisationId ?? null,
    affiliationName: input.affiliationName.trim(),
    userId: input.userId ?? null,
    active: input.active ?? true,
  };
}
