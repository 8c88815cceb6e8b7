import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import {
  assertCaseAction,
  assertDueDiligenceComplete,
  calculateRiskScore,
  type CaseState,
  type RiskEvaluationFacts,
  type RiskScore,
} from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { assertCaseConsent } from './assert-case-consent.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { loadDueDiligenceResults, loadProductChecklist } from './due-diligence-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from './transition-case.ts';

export interface RecordRiskEvaluationInput {
  readonly id: string;
  readonly facts: RiskEvaluationFacts;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/**
 * 风险评测: the bank clerk records the due-diligence and credit-report facts; the bank's own scorecard stored
 * with the case's product (`bank_products.risk_scorecard`, versioned data) gives the score, band and every
 * reason, and the evaluation records the scorecard's id and version. Needs the enterprise's valid 征信 consent (revoked or expired: CASE_CONSENT_INVALID).
 * Needs the product's due-diligence checklist complete (`recordDueDiligence`; DUE_DILIGENCE_INCOMPLETE names every
 * missing item and nothing is written).
 * A failing score still moves the case on: the approver declines with the reasons in view.
 */
export async function recordRiskEvaluation(
  input: RecordRiskEvaluationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail & { readonly risk: RiskScore }> {
  const scope = authorize(actor, 'case.evaluate');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'record_risk_evaluation',
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    await assertCaseConsent(tx, row, 'credit_report', today);
    // A case past `lead` always has a product (apply sets it); the guard keeps a damaged row from scoring blind.
    const [product] =
      row.productId === null
        ? []
        : await tx
            .select({ riskScorecard: tables.bankProducts.riskScorecard })
            .from(tables.bankProducts)
            .where(eq(tables.bankProducts.id, row.productId));
    if (product === undefined) throw new DomainError('NOT_FOUND', { productId: row.productId ?? '-' });
    // Row lock first, as recordDueDiligence takes it: the checklist read next cannot change under this step.
    await tx
      .select({ id: tables.financingCases.id })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, row.id))
      .for('update');
    assertDueDiligenceComplete(
      await loadProductChecklist(tx, row.productId),
      await loadDueDiligenceResults(tx, row.id),
    );
    const risk = calculateRiskScore(input.facts, product.riskScorecard);
    await tx.insert(tables.caseEvaluations).values({
      id: randomUUID(),
      caseId: row.id,
      step: 'risk',
      recordedByUserId: actor.userId,
      recordedAt: now,
      riskScorecardId: risk.scorecardId,
      riskScorecardVersion: risk.scorecardVersion,
      riskScore: risk.score,
      riskOutcome: risk.outcome,
      riskReasons: [...risk.reasons],
      riskFacts: { ...input.facts },
      note: input.note ?? null,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'record_risk_evaluation',
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: risk.outcome,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
      },
      now,
    );
    return { ...(await loadCaseDetail(tx, updated, today)), risk };
  });
}
