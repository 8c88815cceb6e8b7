import { and, asc, eq, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { headOfficeIdOf, toBankProductView, type BankProductView } from './bank-product-view.ts';

export interface FindBankProductsInput {
  /** A bank's head office or any of its units. */
  readonly bankId?: string;
}

/** 产品手册: active products; a bank user sees its own bank's, everyone else every bank's (a unit id finds its bank). */
export async function findBankProducts(
  input: FindBankProductsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<BankProductView[]> {
  const scope = authorize(actor, 'bank_product.list');
  const conditions: SQL[] = [eq(tables.bankProducts.active, true)];
  if (scope === 'own_org')
    conditions.push(eq(tables.bankProducts.bankId, headOfficeIdOf(actor.organisationPath)));
  if (input.bankId !== undefined) {
    const [unit] = await deps.db
      .select({ path: tables.organisations.path })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, input.bankId));
    conditions.push(
      eq(tables.bankProducts.bankId, unit === undefined ? input.bankId : headOfficeIdOf(unit.path)),
    );
  }
  const rows = await deps.db
    .select()
    .from(tables.bankProducts)
    .where(and(...conditions))
    .orderBy(asc(tables.bankProducts.bankId), asc(tables.bankProducts.code));
  return rows.map(toBankProductView);
}
