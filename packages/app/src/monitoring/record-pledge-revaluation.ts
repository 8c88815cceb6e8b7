import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, ne } from 'drizzle-orm';
import { isIsoDate } from '@ipf/domain/calendar';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getPledgeValuationRecord } from '../valuation/get-pledge-valuation-record.ts';
import { loadCasePledgeMonitoring, type CasePledgeMonitoringView } from './pledge-alert-view.ts';

export interface RecordPledgeRevaluationInput {
  readonly caseId: string;
  /**
   * 估值记录: a valuation on record (formal report or internal evaluation) valid today and valuing exactly the
   * pledged assets; it gives basis, evaluator, dates and values, and the revaluation keeps which valuation the
   * pledge rate now uses. Without it the fields below are entered by hand (and required).
   */
  readonly valuationId?: string;
  /** `formal_report` (资产评估报告) | `internal_evaluation` (the bank's own). */
  readonly basis?: 'formal_report' | 'internal_evaluation';
  readonly evaluatorName?: string;
  /** 评估基准日, not after today. */
  readonly valuationDate?: string;
  /** 有效期至, after the valuation date. */
  readonly validUntil?: string;
  /** One value per pledged asset of the case. */
  readonly assetValues?: readonly { readonly assetId: string; readonly valueFen: bigint }[];
  readonly note?: string;
}

type RevaluationFigures = Required<
  Pick<RecordPledgeRevaluationInput, 'basis' | 'valuationDate' | 'validUntil' | 'assetValues'>
> &
  Pick<RecordPledgeRevaluationInput, 'evaluatorName'>;

/** The hand-entered figures checked (the dates, one positive value per asset). */
function validateFigures(given: RevaluationFigures, today: string): void {
  const problems: ProblemDetail[] = [];
  if (!isIsoDate(given.valuationDate) || given.valuationDate > today)
    problems.push({ code: 'VALIDATION_FAILED', field: 'valuationDate' });
  if (!isIsoDate(given.validUntil) || given.validUntil <= given.valuationDate)
    problems.push({ code: 'VALIDATION_FAILED', field: 'validUntil' });
  given.assetValues.forEach((a, index) => {
    if (a.valueFen <= 0n)
      problems.push({ code: 'VALIDATION_FAILED', field: `assetValues[${index}].valueYuan` });
  });
  assertNoProblems(problems);
}

/**
 * 押品重估 (periodic revaluation of the pledged IP): a new value evaluation of the case's pledged assets, kept
 * beside the origination's (step `revaluation`, which the monitoring scan reads as the latest valuation), with the
 * pledge rate it gives (loan amount ÷ Σ values, percent, two decimals half up); the revaluation reminders due
 * before the new validity ends are resolved now. The values are entered by hand or taken from a valuation on
 * record (`valuationId`, see `getPledgeValuationRecord`), which the case then keeps as the value its pledge rate
 * uses. Audited. Source: issue 6 item 5; issue 7 item 2; domain-reference.md "押品重估".
 * @throws DomainError('NOT_FOUND' | 'VALIDATION_FAILED' | 'VALUATION_RECORD_KIND_NOT_USABLE' |
 *   'VALUATION_RECORD_EXPIRED' | 'VALUATION_RECORD_ASSETS_MISMATCH')
 */
export async function recordPledgeRevaluation(
  input: RecordPledgeRevaluationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CasePledgeMonitoringView> {
  const scope = authorize(actor, 'pledge.revalue');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (input.valuationId === undefined) {
    const problems: ProblemDetail[] = [];
    for (const field of ['basis', 'valuationDate', 'validUntil', 'assetValues'] as const)
      if (input[field] === undefined) problems.push({ code: 'VALIDATION_FAILED', field });
    assertNoProblems(problems);
    validateFigures(input as RecordPledgeRevaluationInput & RevaluationFigures, today);
  }

  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    const locks = await tx
      .select({ assetId: tables.assetPledgeLocks.assetId })
      .from(tables.assetPledgeLocks)
      .where(and(eq(tables.assetPledgeLocks.caseId, row.id), isNull(tables.assetPledgeLocks.releasedAt)));
    const pledged = new Set(locks.map((l) => l.assetId));
    if (pledged.size === 0) throw new DomainError('ASSET_NOT_PLEDGED_BY_CASE');
    const given: RevaluationFigures =
      input.valuationId === undefined
        ? (input as RecordPledgeRevaluationInput & RevaluationFigures)
        : await fromValuationRecord(tx, input.valuationId, actor, today, [...pledged]);
    const valued = new Set(given.assetValues.map((a) => a.assetId));
    if (pledged.size !== valued.size || [...pledged].some((id) => !valued.has(id)))
      assertNoProblems([
        { code: 'VALIDATION_FAILED', field: 'assetValues', params: { count: pledged.size } },
      ]);
    const assets = await tx
      .select({ id: tables.ipAssets.id, kind: tables.ipAssets.kind })
      .from(tables.ipAssets)
      .where(inArray(tables.ipAssets.id, [...pledged]));
    const kindOf = new Map(assets.map((a) => [a.id, a.kind]));
    const valueFen = given.assetValues.reduce((sum, a) => sum + a.valueFen, 0n);
    // 质押率 = amount ÷ value in percent with two decimals, half up: (amount × 10000 × 2 + value) ÷ (2 × value).
    const basisPoints = ((row.amountFen ?? 0n) * 20_000n + valueFen) / (2n * valueFen);
    const pledgeRatePct = `${basisPoints / 100n}.${(basisPoints % 100n).toString().padStart(2, '0')}`;
    const id = randomUUID();
    await tx.insert(tables.caseEvaluations).values({
      id,
      caseId: row.id,
      step: 'revaluation',
      recordedByUserId: actor.userId,
      recordedAt: now,
      valueBasis: given.basis,
      evaluatorName: given.evaluatorName?.trim() || null,
      valuationDate: given.valuationDate,
      validUntil: given.validUntil,
      assetValues: given.assetValues.map((a) => ({
        assetId: a.assetId,
        kind: kindOf.get(a.assetId) ?? '',
        valueFen: a.valueFen.toString(),
      })),
      valueFen,
      pledgeRatePct,
      note: input.note?.trim() || null,
      valuationId: input.valuationId ?? null,
    });
    await tx
      .update(tables.pledgeAlerts)
      .set({
        state: 'resolved',
        resolvedAt: now,
        resolvedByUserId: actor.userId,
        note: 'revalued',
        updatedAt: now,
      })
      .where(
        and(
          eq(tables.pledgeAlerts.caseId, row.id),
          eq(tables.pledgeAlerts.kind, 'revaluation_due'),
          ne(tables.pledgeAlerts.state, 'resolved'),
          lt(tables.pledgeAlerts.dueDate, given.validUntil),
        ),
      );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'pledge.revalued',
        entityType: 'case_evaluation',
        entityId: id,
        after: {
          caseId: row.id,
          valuationDate: given.valuationDate,
          validUntil: given.validUntil,
          valueFen: valueFen.toString(),
          pledgeRatePct,
          ...(input.valuationId === undefined ? {} : { valuationId: input.valuationId }),
        },
      },
      now,
    );
    return loadCasePledgeMonitoring(tx, row.id);
  });
}

/** The figures of a valuation on record, checked like hand-entered ones (its date is not after today). */
async function fromValuationRecord(
  tx: Parameters<typeof getPledgeValuationRecord>[0],
  valuationId: string,
  actor: Actor,
  today: string,
  assetIds: readonly string[],
): Promise<RevaluationFigures> {
  const record = await getPledgeValuationRecord(tx, { valuationId, today, assetIds }, actor);
  const figures: RevaluationFigures = {
    basis: record.basis,
    valuationDate: record.valuationDate,
    validUntil: record.validUntil,
    assetValues: record.assetValues,
    ...(record.evaluatorName === null ? {} : { evaluatorName: record.evaluatorName }),
  };
  validateFigures(figures, today);
  return figures;
}
