import { randomUUID } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { assertGuaranteeTerms } from './guarantee-terms.ts';
import { toGuaranteeProductViews, type GuaranteeProductView } from './risk-sharing-views.ts';

export interface CreateGuaranteeProductInput {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly coverageShareBps: number;
  readonly feeRateBps: number;
  readonly reGuaranteeShareBps?: number | null;
  readonly reGuarantorId?: string | null;
  readonly capYuan?: string | null;
  /** 代偿触发: days overdue after which the guarantor pays (e.g. 90); null or absent: at default only. */
  readonly compensationOverdueDays?: number | null;
}

/**
 * 新建担保产品: a guarantor user enters a product of its own guarantor (coverage share, annual fee rate, the
 * re-guarantee share 20%–50% and the re-guarantee fund, an optional cap per loan, and the days overdue after which
 * it compensates, e.g. 90, instead of at default only). The bank keeps ≥ 20%.
 * Source: issue 8 item 1; R9.
 */
export async function createGuaranteeProduct(
  input: CreateGuaranteeProductInput,
  actor: Actor,
  deps: AppDeps,
): Promise<GuaranteeProductView> {
  authorize(actor, 'guarantee_product.manage');
  const now = deps.clock.now();
  const capFen = input.capYuan === undefined || input.capYuan === null ? null : parseYuan(input.capYuan);
  const terms = {
    coverageShareBps: input.coverageShareBps,
    reGuaranteeShareBps: input.reGuaranteeShareBps ?? null,
    reGuarantorId: input.reGuarantorId ?? null,
    capFen,
  };
  return runInTransaction(deps, async (tx) => {
    await assertGuaranteeTerms(tx, terms, actor.organisationId);
    const [row] = await tx
      .insert(tables.guaranteeProducts)
      .values({
        id: randomUUID(),
        guarantorId: actor.organisationId,
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        feeRateBps: input.feeRateBps,
        compensationOverdueDays: input.compensationOverdueDays ?? null,
        ...terms,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (row === undefined) throw new DomainError('CONFLICT');
    const [view] = await toGuaranteeProductViews(tx, [row]);
    await deps.audit.append(
      tx,
      actor,
      { action: 'guarantee_product.created', entityType: 'guarantee_product', entityId: row.id, after: view },
      now,
    );
    return view!;
  });
}
