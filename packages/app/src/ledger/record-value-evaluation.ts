import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, type ProblemDetail } from '@ipf/domain/errors';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import {
  assertCaseAction,
  assertPledgeRateWithinCap,
  type CaseState,
  type PledgeValuation,
} from '@ipf/domain/ledger';
import { formatRatePct } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toBankProduct } from './bank-product-view.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from './transition-case.ts';

export interface RecordValueEvaluationInput {
  readonly id: string;
  /** 正式评估报告 or 银行内部评估 (where the product allows it for the amount). */
  readonly basis: 'formal_report' | 'internal_evaluation';
  readonly evaluatorName?: string;
  readonly valuers?: readonly string[];
  readonly method?: string;
  readonly valuationDate: string;
  readonly validUntil: string;
  readonly assetValues: readonly { readonly assetId: string; readonly valueFen: bigint }[];
  readonly expectedVersion?: number;
  readonly note?: string;
}

/**
 * 价值评估 and 质押率校验: records the formal report (evaluator, valuers, method, valuation date, validity) or the
 * internal evaluation, one value per pledged asset; the pledge rate uses their sum and must be within the
 * product's cap on today (PLEDGE_RATE_OVER_CAP, INTERNAL_EVALUATION_NOT_ALLOWED, VALUATION_EXPIRED).
 */
export async function recordValueEvaluation(
  input: RecordValueEvaluationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.evaluate');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'record_value_evaluation',
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    const assets = await tx.select().from(tables.caseAssets).where(eq(tables.caseAssets.caseId, row.id));
    const problems: ProblemDetail[] = [];
    if (input.basis === 'formal_report') {
      if ((input.evaluatorName ?? '').trim() === '')
        problems.push({ code: 'VALIDATION_FAILED', field: 'evaluatorName', params: { count: 1 } });
      if ((input.valuers ?? []).length === 0)
        problems.push({ code: 'VALIDATION_FAILED', field: 'valuers', params: { count: 1 } });
    }
    const valueOf = new Map(input.assetValues.map((a) => [a.assetId, a.valueFen]));
    assets.forEach((a, index) => {
      if (!valueOf.has(a.assetId))
        problems.push({ code: 'VALIDATION_FAILED', field: `assetValues[${index}]`, params: { count: 1 } });
    });
    if (input.assetValues.length !== assets.length)
      problems.push({ code: 'VALIDATION_FAILED', field: 'assetValues', params: { count: 1 } });
    assertNoProblems(problems);

    const [productRow] = await tx
      .select()
      .from(tables.bankProducts)
      .where(eq(tables.bankProducts.id, row.productId!));
    const valuation: PledgeValuation = {
      basis: input.basis,
      validUntil: input.validUntil,
      assetValues: assets.map((a) => ({
        assetId: a.assetId,
        kind: a.kind as IpAssetKind,
        valueFen: valueOf.get(a.assetId)!,
      })),
    };
    const check = assertPledgeRateWithinCap({
      loanAmountFen: row.amountFen!,
      valuation,
      product: toBankProduct(productRow!),
      asOfDate: today,
    });

    await tx.insert(tables.caseEvaluations).values({
      id: randomUUID(),
      caseId: row.id,
      step: 'value',
      recordedByUserId: actor.userId,
      recordedAt: now,
      valueBasis: input.basis,
      evaluatorName: input.evaluatorName ?? null,
      valuers: [...(input.valuers ?? [])],
      valuationMethod: input.method ?? null,
      valuationDate: input.valuationDate,
      validUntil: input.validUntil,
      assetValues: valuation.assetValues.map((a) => ({
        assetId: a.assetId,
        kind: a.kind,
        valueFen: a.valueFen.toString(),
      })),
      valueFen: check.totalValueFen,
      pledgeRatePct: formatRatePct(check.pledgeRate, 2, 'up'),
      pledgeRateCapPct: formatRatePct(check.capRate, 2, 'down'),
      note: input.note ?? null,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'record_value_evaluation',
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: input.basis,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
      },
      now,
    );
    return loadCaseDetail(tx, updated, today);
  });
}
