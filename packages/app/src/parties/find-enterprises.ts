import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toEnterpriseSummary, type EnterpriseSummary } from './enterprise-view.ts';

export interface FindEnterprisesInput extends PageInput {
  /** Name or credit code, partial. */
  readonly q?: string;
  readonly district?: string;
  readonly cluster?: string;
  readonly sizeClass?: string;
  readonly highTech?: boolean;
  readonly specialised?: boolean;
  readonly firstLoan?: boolean;
  readonly preIpo?: boolean;
}

const { enterprises } = tables;

/**
 * 企业列表, limited to what the actor may see: a bank only its customers (by hierarchy), a district bureau its
 * district, an enterprise itself. Search by name or credit code; filters combine with AND.
 */
export async function findEnterprises(
  input: FindEnterprisesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<EnterpriseSummary>> {
  const scope = authorize(actor, 'enterprise.list');
  const conditions: SQL[] = [enterpriseVisibility(actor, scope, toShanghaiDate(deps.clock.now()))];
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(or(ilike(enterprises.name, pattern), ilike(enterprises.uscc, pattern))!);
  }
  if (input.district !== undefined) conditions.push(eq(enterprises.district, input.district));
  if (input.cluster !== undefined) conditions.push(eq(enterprises.cluster, input.cluster));
  if (input.sizeClass !== undefined) conditions.push(eq(enterprises.sizeClass, input.sizeClass));
  if (input.highTech !== undefined) conditions.push(eq(enterprises.highTech, input.highTech));
  if (input.specialised !== undefined) conditions.push(eq(enterprises.specialised, input.specialised));
  if (input.firstLoan !== undefined) conditions.push(eq(enterprises.firstLoan, input.firstLoan));
  if (input.preIpo !== undefined) conditions.push(eq(enterprises.preIpo, input.preIpo));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.name))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return {
    items: rows.map(toEnterpriseSummary),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
