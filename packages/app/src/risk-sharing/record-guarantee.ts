import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { calculateTermFeeFen, getCaseForRiskParticipant } from './case-risk-participation.ts';
import { assertGuaranteeTerms } from './guarantee-terms.ts';
import { toGuaranteeViews, type GuaranteeView } from './risk-sharing-views.ts';

export interface RecordGuaranteeInput {
  readonly caseId: string;
  /** The guarantor's product whose terms are the defaults. */
  readonly productId?: string;
  readonly coverageShareBps?: number;
  readonly feeRateBps?: number;
  readonly reGuaranteeShareBps?: number | null;
  readonly reGuarantorId?: string | null;
  readonly capYuan?: string | null;
  /** 代偿触发天数; absent: the product's (null without a product: at default only). */
  readonly compensationOverdueDays?: number | null;
}

/**
 * 登记担保合同: the guarantor named by a `plus_guarantee` case records its guarantee before disbursement — the share
 * of the bank's loss it covers, the annual fee rate and the fee for the term, the re-guarantee share (20%–50%,
 * RISK_SHARE_BPS_OUT_OF_RANGE outside) and the re-guarantee fund, an optional cap; from one of its products or
 * with its own terms. The bank keeps ≥ 20% (RISK_BANK_SHARE_BELOW_MINIMUM). One guarantee per case
 * (GUARANTEE_ALREADY_RECORDED). The agreement fixed at disbursement reads it. Source: issue 8 item 1; R9.
 */
export async function recordGuarantee(
  input: RecordGuaranteeInput,
  actor: Actor,
  deps: AppDeps,
): Promise<GuaranteeView> {
  const scope = authorize(actor, 'guarantee.record');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getCaseForRiskParticipant(tx, input.caseId, 'guarantor', actor, scope);
    const { guaranteeProducts, guarantees } = tables;
    const [product] =
      input.productId === undefined
        ? []
        : await tx
            .select()
            .from(guaranteeProducts)
            .where(
              and(
                eq(guaranteeProducts.id, input.productId),
                eq(guaranteeProducts.guarantorId, actor.organisationId),
                eq(guaranteeProducts.active, true),
              ),
            );
    if (input.productId !== undefined && product === undefined)
      throw new DomainError('GUARANTEE_PRODUCT_INVALID');
    const coverageShareBps = input.coverageShareBps ?? product?.coverageShareBps;
    const feeRateBps = input.feeRateBps ?? product?.feeRateBps;
    if (coverageShareBps === undefined || feeRateBps === undefined)
      throw new DomainError(
        'VALIDATION_FAILED',
        { count: 1 },
        {
          problems: [{ code: 'VALIDATION_FAILED', field: 'coverageShareBps', params: { count: 1 } }],
        },
      );
    const terms = {
      coverageShareBps,
      reGuaranteeShareBps:
        input.reGuaranteeShareBps === undefined
          ? (product?.reGuaranteeShareBps ?? null)
          : input.reGuaranteeShareBps,
      reGuarantorId:
        input.reGuarantorId === undefined ? (product?.reGuarantorId ?? null) : input.reGuarantorId,
      capFen:
        input.capYuan === undefined
          ? (product?.capFen ?? null)
          : input.capYuan === null
            ? null
            : parseYuan(input.capYuan),
    };
    await assertGuaranteeTerms(tx, terms, actor.organisationId);

    const [guarantee] = await tx
      .insert(guarantees)
      .values({
        id: randomUUID(),
        caseId: row.id,
        guarantorId: actor.organisationId,
        productId: product?.id ?? null,
        contractNumber: `DB-${row.caseNumber}`,
        guaranteedPrincipalFen: row.amountFen,
        coveredShareBps: terms.coverageShareBps,
        feeRateBps,
        feeFen: calculateTermFeeFen(row.amountFen, feeRateBps, row.termMonths),
        capFen: terms.capFen,
        reGuaranteeShareBps: terms.reGuaranteeShareBps,
        reGuarantorId: terms.reGuarantorId,
        compensationOverdueDays:
          input.compensationOverdueDays === undefined
            ? (product?.compensationOverdueDays ?? null)
            : input.compensationOverdueDays,
        state: 'active',
        acceptedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (guarantee === undefined) throw new DomainError('GUARANTEE_ALREADY_RECORDED');
    const [view] = await toGuaranteeViews(tx, [guarantee]);
    await deps.audit.append(
      tx,
      actor,
      { action: 'guarantee.recorded', entityType: 'guarantee', entityId: guarantee.id, after: view },
      now,
    );
    return view!;
  });
}
