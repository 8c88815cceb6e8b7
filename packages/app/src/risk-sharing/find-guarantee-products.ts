import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toGuaranteeProductViews, type GuaranteeProductView } from './risk-sharing-views.ts';

export interface FindGuaranteeProductsInput extends PageInput {
  readonly guarantorId?: string;
  readonly active?: boolean;
}

/**
 * 担保产品列表: a guarantor its own products; banks, bureaus and regulators every guarantor's (banks choose a
 * guarantor with them). Source: issue 8 items 1, 8.
 */
export async function findGuaranteeProducts(
  input: FindGuaranteeProductsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<GuaranteeProductView>> {
  const scope = authorize(actor, 'guarantee_product.list');
  const { guaranteeProducts } = tables;
  const conditions: SQL[] = [];
  if (scope !== 'all') conditions.push(eq(guaranteeProducts.guarantorId, actor.organisationId));
  if (input.guarantorId !== undefined) conditions.push(eq(guaranteeProducts.guarantorId, input.guarantorId));
  if (input.active !== undefined) conditions.push(eq(guaranteeProducts.active, input.active));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(guaranteeProducts)
    .where(where)
    .orderBy(asc(guaranteeProducts.guarantorId), asc(guaranteeProducts.code))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(guaranteeProducts).where(where);
  return {
    items: await toGuaranteeProductViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
