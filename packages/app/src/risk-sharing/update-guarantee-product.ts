import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { assertGuaranteeTerms } from './guarantee-terms.ts';
import { toGuaranteeProductViews, type GuaranteeProductView } from './risk-sharing-views.ts';

export interface UpdateGuaranteeProductInput {
  readonly id: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
  readonly coverageShareBps?: number;
  readonly feeRateBps?: number;
  readonly reGuaranteeShareBps?: number | null;
  readonly reGuarantorId?: string | null;
  readonly capYuan?: string | null;
  readonly compensationOverdueDays?: number | null;
  /** false: 停用 (a product is never deleted: guarantees refer to it). */
  readonly active?: boolean;
  readonly expectedVersion: number;
}

/**
 * 修改/停用担保产品: the guarantor changes its own product (another guarantor's is NOT_FOUND) with an optimistic
 * version check; guarantees already recorded keep the terms they copied. Source: issue 8 item 1.
 */
export async function updateGuaranteeProduct(
  input: UpdateGuaranteeProductInput,
  actor: Actor,
  deps: AppDeps,
): Promise<GuaranteeProductView> {
  authorize(actor, 'guarantee_product.manage');
  const now = deps.clock.now();
  const { guaranteeProducts } = tables;
  return runInTransaction(deps, async (tx) => {
    const own = and(
      eq(guaranteeProducts.id, input.id),
      eq(guaranteeProducts.guarantorId, actor.organisationId),
    );
    const [before] = await tx.select().from(guaranteeProducts).where(own);
    if (before === undefined) throw new DomainError('NOT_FOUND');
    if (before.version !== input.expectedVersion) throw new DomainError('CONFLICT');
    const terms = {
      coverageShareBps: input.coverageShareBps ?? before.coverageShareBps,
      reGuaranteeShareBps:
        input.reGuaranteeShareBps === undefined ? before.reGuaranteeShareBps : input.reGuaranteeShareBps,
      reGuarantorId: input.reGuarantorId === undefined ? before.reGuarantorId : input.reGuarantorId,
      capFen:
        input.capYuan === undefined
          ? before.capFen
          : input.capYuan === null
            ? null
            : parseYuan(input.capYuan),
    };
    await assertGuaranteeTerms(tx, terms, actor.organisationId);
    const [row] = await tx
      .update(guaranteeProducts)
      .set({
        ...terms,
        nameZh: input.nameZh ?? before.nameZh,
        nameEn: input.nameEn ?? before.nameEn,
        feeRateBps: input.feeRateBps ?? before.feeRateBps,
        compensationOverdueDays:
          input.compensationOverdueDays === undefined
            ? before.compensationOverdueDays
            : input.compensationOverdueDays,
        active: input.active ?? before.active,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(own, eq(guaranteeProducts.version, before.version)))
      .returning();
    if (row === undefined) throw new DomainError('CONFLICT');
    const [beforeView] = await toGuaranteeProductViews(tx, [before]);
    const [view] = await toGuaranteeProductViews(tx, [row]);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'guarantee_product.updated',
        entityType: 'guarantee_product',
        entityId: row.id,
        before: beforeView,
        after: view,
      },
      now,
    );
    return view!;
  });
}
