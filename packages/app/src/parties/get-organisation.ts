import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toOrganisationView, type OrganisationView } from './organisation-view.ts';

const { organisations } = tables;

/** 机构详情: own organisation for most roles; everything for the administrator, the bureau and regulators. */
export async function getOrganisation(id: string, actor: Actor, deps: AppDeps): Promise<OrganisationView> {
  const scope = authorize(actor, 'organisation.read');
  if (scope !== 'all' && id !== actor.organisationId) throw new DomainError('NOT_FOUND');
  const [row] = await deps.db.select().from(organisations).where(eq(organisations.id, id));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return toOrganisationView(row);
}
