import { and, asc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { headOfficeIdOf, toBankProductView, type BankProductView } from './bank-product-view.ts';

export interface FindBankProductsInput {
  /** A bank's head office or any of its units. */
  readonly bankId?: string;
}

/** A bank unit an enterprise may apply to (总行, 分行 or 支行 of the product's bank). */
export interface BankUnitOption {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly bankLevel: string | null;
}

/** 产品手册 row with its bank's name and units, so an applicant can choose the unit that handles its case. */
export interface BankProductListItem extends BankProductView {
  readonly bankNameZh: string;
  readonly bankNameEn: string;
  readonly units: BankUnitOption[];
}

/**
 * 产品手册: active products; a bank user sees its own bank's, everyone else every bank's (a unit id finds its
 * bank). Each product names its bank and lists the bank's units in hierarchy order (issue 5 item 2: the
 * enterprise applies online to a unit of the bank).
 */
export async function findBankProducts(
  input: FindBankProductsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<BankProductListItem[]> {
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
  const bankIds = [...new Set(rows.map((r) => r.bankId))];
  const { organisations } = tables;
  const units =
    bankIds.length === 0
      ? []
      : await deps.db
          .select({
            id: organisations.id,
            nameZh: organisations.nameZh,
            nameEn: organisations.nameEn,
            bankLevel: organisations.bankLevel,
            path: organisations.path,
          })
          .from(organisations)
          .where(
            and(
              eq(organisations.kind, 'bank'),
              or(
                inArray(organisations.id, bankIds),
                ...bankIds.map((id) => like(organisations.path, `/${id}/%`)),
              ),
            ),
          )
          .orderBy(asc(organisations.path));
  return rows.map((row) => {
    const bankUnits = units.filter((u) => headOfficeIdOf(u.path) === row.bankId);
    const bank = bankUnits.find((u) => u.id === row.bankId);
    return {
      ...toBankProductView(row),
      bankNameZh: bank?.nameZh ?? '',
      bankNameEn: bank?.nameEn ?? '',
      units: bankUnits.map(({ id, nameZh, nameEn, bankLevel }) => ({ id, nameZh, nameEn, bankLevel })),
    };
  });
}
