import { and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toOrganisationView, type OrganisationView } from './organisation-view.ts';

export interface FindOrganisationsInput extends PageInput {
  readonly q?: string;
  readonly kind?: string;
}

const { organisations } = tables;

/** 机构列表: search by name (Chinese or English), filter by kind, newest last, paged. */
export async function findOrganisations(
  input: FindOrganisationsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<OrganisationView>> {
  authorize(actor, 'organisation.list');
  const conditions: SQL[] = [];
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(or(ilike(organisations.nameZh, pattern), ilike(organisations.nameEn, pattern))!);
  }
  if (input.kind !== undefined) conditions.push(eq(organisations.kind, input.kind));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(organisations.kind, organisations.path)
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(organisations).where(where),
  ]);
  return {
    items: rows.map(toOrganisationView),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
