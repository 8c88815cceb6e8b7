import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import {
  assertCaseAction,
  assertPledgeRateWithinCap,
  type CaseState,
  type PledgeValuation,
} from '@ipf/domain/ledger';
import { formatRatePct } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { valuationVisibility } from '../valuation/valuation-visibility.ts';
import { assignCaseEvaluator } from './assign-case-evaluator.ts';
import { toBankProduct } from './bank-product-view.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from './transition-case.ts';

export interface RecordValueEvaluationInput {
  readonly id: string;
  /**
   * 估值记录: a valuation on record (a formal report, or an internal evaluation where the product allows it) still
   * valid today, covering exactly the case's assets; it fills basis, evaluator, valuers, method, dates and values,
   * and the case keeps which valuation its pledge rate uses. Without it the fields below are entered by hand.
   */
  readonly valuationId?: string;
  /** 正式评估报告 or 银行内部评估 (where the product allows it for the amount). */
  readonly basis?: 'formal_report' | 'internal_evaluation';
  readonly evaluatorName?: string;
  /**
   * 评估机构 on the platform, for a formal report entered by hand: an evaluation firm admitted on the registry
   * (CASE_EVALUATOR_NOT_ADMITTED otherwise); its name becomes `evaluatorName` and it becomes the case's evaluator.
   * Leave it out for a firm not on the platform and give `evaluatorName`.
   */
  readonly evaluatorOrganisationId?: string;
  readonly valuers?: readonly string[];
  readonly method?: string;
  readonly valuationDate?: string;
  readonly validUntil?: string;
  readonly assetValues?: readonly { readonly assetId: string; readonly valueFen: bigint }[];
  readonly expectedVersion?: number;
  readonly note?: string;
}

type ManualValueEvaluation = Required<
  Pick<RecordValueEvaluationInput, 'basis' | 'valuationDate' | 'validUntil' | 'assetValues'>
> &
  Pick<RecordValueEvaluationInput, 'evaluatorName' | 'valuers' | 'method'>;

/** The evaluation firm behind the figures, which becomes the case's evaluator participant. */
interface EvaluatorFirm {
  readonly organisationId: string;
  readonly signedByUserId: string | null;
}

/** The figures the value step records, and the evaluation firm on the platform they come from, if any. */
type ValueEvaluationFigures = ManualValueEvaluation & { readonly firm?: EvaluatorFirm };

/** The figures of a valuation on record as the value step records them (refusals are coded errors). */
async function fromValuationRecord(
  tx: Executor,
  valuationId: string,
  actor: Actor,
  today: string,
  caseAssetIds: readonly string[],
): Promise<ValueEvaluationFigures> {
  const scope = authorize(actor, 'valuation.read');
  const [valuation] = await tx
    .select()
    .from(tables.valuations)
    .where(and(eq(tables.valuations.id, valuationId), valuationVisibility(actor, scope, today)));
  if (valuation === undefined) throw new DomainError('NOT_FOUND');
  if (valuation.kind !== 'formal_report' && valuation.kind !== 'internal_evaluation')
    throw new DomainError('VALUATION_RECORD_KIND_NOT_USABLE', { number: valuation.number });
  if (valuation.validUntil < today)
    throw new DomainError('VALUATION_RECORD_EXPIRED', {
      number: valuation.number,
      validUntil: valuation.validUntil,
    });
  const valued = await tx
    .select()
    .from(tables.valuationAssets)
    .where(eq(tables.valuationAssets.valuationId, valuation.id));
  const missing = caseAssetIds.filter((assetId) => !valued.some((v) => v.assetId === assetId)).length;
  if (missing > 0 || valued.length !== caseAssetIds.length)
    throw new DomainError('VALUATION_RECORD_ASSETS_MISMATCH', { number: valuation.number, missing });
  const [organisation] = await tx
    .select({ nameZh: tables.organisations.nameZh, kind: tables.organisations.kind })
    .from(tables.organisations)
    .where(eq(tables.organisations.id, valuation.organisationId));
  const evaluatorName = valuation.evaluationFirmName ?? organisation?.nameZh ?? null;
  return {
    basis: valuation.kind,
    // A report made on the platform by an evaluation firm (not a bank's internal evaluation) brings its firm.
    ...(organisation?.kind === 'evaluation_firm'
      ? { firm: { organisationId: valuation.organisationId, signedByUserId: valuation.createdByUserId } }
      : {}),
    ...(evaluatorName === null ? {} : { evaluatorName }),
    valuers: valuation.valuers.map((v) => `${v.name}（证书 ${v.certificateNumber}）`),
    method: valuation.method,
    valuationDate: valuation.valuationDate,
    validUntil: valuation.validUntil,
    assetValues: valued.map((v) => ({ assetId: v.assetId, valueFen: v.valueFen })),
  };
}

/**
 * A formal report entered by hand that names its firm on the platform: the firm must be an evaluation firm
 * admitted on the registry today (评估机构名录, state `admitted`), else CASE_EVALUATOR_NOT_ADMITTED; its name
 * replaces a typed one, so the record and the registry agree.
 */
async function withNamedFirm(
  tx: Executor,
  given: ManualValueEvaluation,
  organisationId: string,
): Promise<ValueEvaluationFigures> {
  const { evaluatorAdmissions, organisations } = tables;
  const [firm] = await tx
    .select({ nameZh: organisations.nameZh })
    .from(evaluatorAdmissions)
    .innerJoin(organisations, eq(organisations.id, evaluatorAdmissions.organisationId))
    .where(
      and(
        eq(evaluatorAdmissions.organisationId, organisationId),
        eq(evaluatorAdmissions.state, 'admitted'),
        eq(organisations.kind, 'evaluation_firm'),
      ),
    );
  if (firm === undefined) throw new DomainError('CASE_EVALUATOR_NOT_ADMITTED', { organisationId });
  return { ...given, evaluatorName: firm.nameZh, firm: { organisationId, signedByUserId: null } };
}

/**
 * 价值评估 and 质押率校验: records the formal report (evaluator, valuers, method, valuation date, validity) or the
 * internal evaluation, one value per pledged asset, entered by hand or taken from a valuation on record
 * (`valuationId`); the pledge rate uses their sum and must be within the product's cap on today
 * (PLEDGE_RATE_OVER_CAP, INTERNAL_EVALUATION_NOT_ALLOWED, VALUATION_EXPIRED, VALUATION_RECORD_EXPIRED).
 * When the figures come from an evaluation firm on the platform — its valuation on record, or a hand-entered
 * formal report naming it (`evaluatorOrganisationId`, CASE_EVALUATOR_NOT_ADMITTED) — the firm becomes the case's
 * evaluator participant in the same transaction (`assignCaseEvaluator`: it then sees the case and records its
 * evaluation fee, issue 9 item 1), and the audit event's `after` names it.
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
    if (input.valuationId === undefined) {
      for (const field of ['basis', 'valuationDate', 'validUntil', 'assetValues'] as const)
        if (input[field] === undefined)
          problems.push({ code: 'VALIDATION_FAILED', field, params: { count: 1 } });
    }
    // A firm is named only for a formal report typed in (a valuation on record brings its own firm).
    if (
      input.evaluatorOrganisationId !== undefined &&
      (input.valuationId !== undefined || input.basis !== 'formal_report')
    )
      problems.push({ code: 'VALIDATION_FAILED', field: 'evaluatorOrganisationId', params: { count: 1 } });
    assertNoProblems(problems);
    const manual = input as RecordValueEvaluationInput & ManualValueEvaluation;
    const given: ValueEvaluationFigures =
      input.valuationId === undefined
        ? input.evaluatorOrganisationId === undefined
          ? manual
          : await withNamedFirm(tx, manual, input.evaluatorOrganisationId)
        : await fromValuationRecord(
            tx,
            input.valuationId,
            actor,
            today,
            assets.map((a) => a.assetId),
          );
    if (given.basis === 'formal_report') {
      if ((given.evaluatorName ?? '').trim() === '')
        problems.push({ code: 'VALIDATION_FAILED', field: 'evaluatorName', params: { count: 1 } });
      if ((given.valuers ?? []).length === 0)
        problems.push({ code: 'VALIDATION_FAILED', field: 'valuers', params: { count: 1 } });
    }
    const valueOf = new Map(given.assetValues.map((a) => [a.assetId, a.valueFen]));
    assets.forEach((a, index) => {
      if (!valueOf.has(a.assetId))
        problems.push({ code: 'VALIDATION_FAILED', field: `assetValues[${index}]`, params: { count: 1 } });
    });
    if (given.assetValues.length !== assets.length)
      problems.push({ code: 'VALIDATION_FAILED', field: 'assetValues', params: { count: 1 } });
    assertNoProblems(problems);

    const [productRow] = await tx
      .select()
      .from(tables.bankProducts)
      .where(eq(tables.bankProducts.id, row.productId!));
    const valuation: PledgeValuation = {
      basis: given.basis,
      validUntil: given.validUntil,
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
      valueBasis: given.basis,
      evaluatorName: given.evaluatorName ?? null,
      valuers: [...(given.valuers ?? [])],
      valuationMethod: given.method ?? null,
      valuationDate: given.valuationDate,
      validUntil: given.validUntil,
      assetValues: valuation.assetValues.map((a) => ({
        assetId: a.assetId,
        kind: a.kind,
        valueFen: a.valueFen.toString(),
      })),
      valueFen: check.totalValueFen,
      pledgeRatePct: formatRatePct(check.pledgeRate, 2, 'up'),
      pledgeRateCapPct: formatRatePct(check.capRate, 2, 'down'),
      note: input.note ?? null,
      valuationId: input.valuationId ?? null,
    });
    const evaluator =
      given.firm === undefined ? null : await assignCaseEvaluator(tx, { row, ...given.firm }, now);
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'record_value_evaluation',
        to,
        expectedVersion: input.expectedVersion,
        reasonCode: given.basis,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
        ...(evaluator === null
          ? {}
          : {
              auditBefore: { evaluatorOrganisationId: evaluator.previousOrganisationId },
              auditAfter: { evaluatorOrganisationId: evaluator.organisationId },
            }),
      },
      now,
    );
    return loadCaseDetail(tx, updated, today);
  });
}
