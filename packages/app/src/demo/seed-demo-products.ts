import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import { demoBankProducts, demoRiskScorecard } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { defaultCommitteeRules, toBankProductColumns } from '../ledger/bank-product-view.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';

/**
 * 演示产品: every demo bank (head office) offers the demo products (`demoBankProducts`, *example* terms), under
 * their demo codes, each scoring with the demo scorecard (`demoRiskScorecard`). Does nothing when products exist already.
 */
export async function seedDemoProducts(
  deps: AppDeps,
): Promise<{ readonly seeded: boolean; readonly products: number }> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.bankProducts);
  if ((existing?.n ?? 0) > 0) return { seeded: false, products: 0 };
  const now = deps.clock.now();
  const banks = await deps.db
    .select({ id: tables.organisations.id })
    .from(tables.organisations)
    .where(and(eq(tables.organisations.kind, 'bank'), isNull(tables.organisations.parentId)));
  const rows = banks.flatMap((bank) =>
    demoBankProducts.map((p) => ({
      id: randomUUID(),
      bankId: bank.id,
      code: p.productId,
      ...toBankProductColumns(p),
      riskScorecard: demoRiskScorecard,
      committeeRules: defaultCommitteeRules,
      createdAt: now,
    })),
  );
  if (rows.length === 0) return { seeded: false, products: 0 };
  await runInTransaction(deps, async (tx) => {
    await tx.insert(tables.bankProducts).values(rows);
    await deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.products_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { products: rows.length },
      },
      now,
    );
  });
  return { seeded: true, products: rows.length };
}
