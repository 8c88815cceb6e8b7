import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { evaluateSubsidy, type SubsidyEvaluation, type SubsidyScheme } from '@ipf/domain/subsidy';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import {
  buildSubsidyFacts,
  findPriorSubsidyPayments,
  type BuiltSubsidyFacts,
  type DeclaredSubsidyFacts,
} from './build-subsidy-facts.ts';
import { fromWire, toWire } from './subsidy-wire.ts';

export type SubsidySchemeRow = typeof tables.subsidySchemes.$inferSelect;
export type SubsidyApplicationRow = typeof tables.subsidyApplications.$inferSelect;

/** 预算使用 (budget use) of a scheme, over all districts (`all`) or one district. */
export interface SubsidyBudgetView {
  readonly district: string;
  readonly totalYuan: string;
  readonly usedYuan: string;
  readonly remainingYuan: string;
}

/** 补贴政策版本 as shown: the listed columns, the scheme's clauses in wire form and its live budget use. */
export interface SubsidySchemeView {
  readonly id: string;
  readonly schemeId: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly issuingBody: string;
  readonly beneficiary: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly applicationFrom: string | null;
  readonly applicationTo: string | null;
  readonly sourceDocument: string;
  readonly sourceArticle: string;
  readonly requiresCityReview: boolean;
  readonly state: string;
  readonly publishedAt: string | null;
  readonly scheme: Record<string, unknown>;
  readonly budgets: SubsidyBudgetView[];
}

/** The decision trail of a subsidy or reward application: reviewer, approver, reasons, payment, version, times. */
export interface SubsidyDecisionView {
  readonly reviewedByUserId: string | null;
  readonly reviewNote: string | null;
  readonly approvedByUserId: string | null;
  readonly rejectReason: string | null;
  readonly clawbackReason: string | null;
  readonly payment: {
    readonly amountYuan: string;
    readonly paidDate: string;
    readonly reference: string;
  } | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The decision fields of an application row as shown; `payment` is read by each flow from where it keeps it. */
export function decisionViewOf(
  r: {
    readonly reviewedByUserId: string | null;
    readonly reviewNote: string | null;
    readonly approvedByUserId: string | null;
    readonly rejectReason: string | null;
    readonly clawbackReason: string | null;
    readonly version: number;
    readonly createdAt: Date;
    readonly updatedAt: Date;
  },
  payment: SubsidyDecisionView['payment'],
): SubsidyDecisionView {
  return {
    reviewedByUserId: r.reviewedByUserId,
    reviewNote: r.reviewNote,
    approvedByUserId: r.approvedByUserId,
    rejectReason: r.rejectReason,
    clawbackReason: r.clawbackReason,
    payment,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** 补贴申请 as shown, with the evaluation (conditions with proofs, amount steps) in wire form. */
export interface SubsidyApplicationView extends SubsidyDecisionView {
  readonly id: string;
  readonly applicationNumber: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly district: string;
  readonly schemeVersionId: string;
  readonly schemeId: string;
  readonly schemeNameZh: string;
  readonly schemeNameEn: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly subsidyYear: number;
  readonly state: string;
  readonly requestedYuan: string;
  readonly grantedYuan: string | null;
  readonly evaluation: Record<string, unknown>;
  readonly declared: Record<string, string>;
  /** The city's reviewer (schemes with a city review); neither reviewer may approve (maker-checker). */
  readonly cityReviewedByUserId: string | null;
  /** The scheme asks for a city review after the district's (then only `city_reviewed` is ready for approval). */
  readonly requiresCityReview: boolean;
}

/** The scheme of a stored version, as the domain types it. */
export function schemeOf(row: SubsidySchemeRow): SubsidyScheme {
  return fromWire(row.scheme) as SubsidyScheme;
}

export async function toSchemeViews(
  executor: Executor,
  rows: readonly SubsidySchemeRow[],
): Promise<SubsidySchemeView[]> {
  const schemeIds = [...new Set(rows.map((r) => r.schemeId))];
  const budgets =
    schemeIds.length === 0
      ? []
      : await executor
          .select()
          .from(tables.subsidyBudgets)
          .where(inArray(tables.subsidyBudgets.schemeId, schemeIds));
  return rows.map((r) => ({
    id: r.id,
    schemeId: r.schemeId,
    version: r.version,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    issuingBody: r.issuingBody,
    beneficiary: r.beneficiary,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    applicationFrom: r.applicationFrom,
    applicationTo: r.applicationTo,
    sourceDocument: r.sourceDocument,
    sourceArticle: r.sourceArticle,
    requiresCityReview: r.requiresCityReview,
    state: r.state,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    scheme: r.scheme,
    budgets: budgets
      .filter((b) => b.schemeId === r.schemeId)
      .map((b) => ({
        district: b.district,
        totalYuan: formatYuan(b.totalFen),
        usedYuan: formatYuan(b.usedFen),
        remainingYuan: formatYuan(b.totalFen - b.usedFen),
      })),
  }));
}

export async function toApplicationViews(
  executor: Executor,
  rows: readonly SubsidyApplicationRow[],
): Promise<SubsidyApplicationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const schemes = await executor
    .select()
    .from(tables.subsidySchemes)
    .where(inArray(tables.subsidySchemes.id, [...new Set(rows.map((r) => r.schemeVersionId))]));
  const enterprises = await executor
    .select({ id: tables.enterprises.organisationId, name: tables.enterprises.name })
    .from(tables.enterprises)
    .where(inArray(tables.enterprises.organisationId, [...new Set(rows.map((r) => r.enterpriseId))]));
  const cases = await executor
    .select({ id: tables.financingCases.id, caseNumber: tables.financingCases.caseNumber })
    .from(tables.financingCases)
    .where(inArray(tables.financingCases.id, [...new Set(rows.map((r) => r.caseId))]));
  const payments = await executor
    .select()
    .from(tables.subsidyPayments)
    .where(inArray(tables.subsidyPayments.applicationId, ids));
  return rows.map((r) => {
    const scheme = schemes.find((s) => s.id === r.schemeVersionId);
    const payment = payments.find((p) => p.applicationId === r.id);
    return {
      id: r.id,
      applicationNumber: r.applicationNumber,
      enterpriseId: r.enterpriseId,
      enterpriseName: enterprises.find((e) => e.id === r.enterpriseId)?.name ?? '',
      district: r.district,
      schemeVersionId: r.schemeVersionId,
      schemeId: r.schemeId,
      schemeNameZh: scheme?.nameZh ?? r.schemeId,
      schemeNameEn: scheme?.nameEn ?? r.schemeId,
      caseId: r.caseId,
      caseNumber: cases.find((c) => c.id === r.caseId)?.caseNumber ?? '',
      subsidyYear: r.subsidyYear,
      state: r.state,
      requestedYuan: formatYuan(r.requestedFen),
      grantedYuan: r.grantedFen === null ? null : formatYuan(r.grantedFen),
      evaluation: r.evaluation,
      declared: r.declared,
      cityReviewedByUserId: r.cityReviewedByUserId,
      requiresCityReview: scheme?.requiresCityReview ?? false,
      ...decisionViewOf(
        r,
        payment === undefined
          ? null
          : {
              amountYuan: formatYuan(payment.amountFen),
              paidDate: payment.paidDate,
              reference: payment.reference,
            },
      ),
    };
  });
}

/** Which applications the actor sees: an enterprise its own, a district bureau its district's, others all. */
export function applicationVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  const { subsidyApplications } = tables;
  if (scope === 'all') return sql`true`;
  if (scope === 'district') return eq(subsidyApplications.district, actor.district ?? '');
  return eq(subsidyApplications.enterpriseId, actor.organisationId);
}

/** An application the actor may act on, locked `FOR UPDATE`; NOT_FOUND outside its scope. */
export async function getApplicationForUpdate(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<SubsidyApplicationRow> {
  const [row] = await executor
    .select()
    .from(tables.subsidyApplications)
    .where(and(eq(tables.subsidyApplications.id, id), applicationVisibility(actor, scope)))
    .for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** The subsidy year a per-year scheme is applied for by default: the last calendar year ended. */
export function defaultSubsidyYear(asOfDate: string): number {
  return Number(asOfDate.slice(0, 4)) - 1;
}

export interface EvaluatedLoan {
  readonly built: BuiltSubsidyFacts;
  readonly scheme: SubsidyScheme;
  readonly evaluation: SubsidyEvaluation;
  readonly subsidyYear: number;
}

/**
 * 测算 (evaluate a stored scheme version for a case's loan): facts from the ledger, the enterprise's prior grants
 * (all schemes, all loans; an application being re-evaluated left out), the domain's evaluation.
 */
export async function evaluateStoredScheme(
  executor: Executor,
  input: {
    readonly schemeRow: SubsidySchemeRow;
    readonly caseId: string;
    readonly asOfDate: string;
    readonly subsidyYear?: number;
    readonly declared?: DeclaredSubsidyFacts;
    readonly excludeApplicationId?: string;
  },
): Promise<EvaluatedLoan> {
  const scheme = schemeOf(input.schemeRow);
  const requestedYear =
    scheme.trigger.kind === 'per_year'
      ? (input.subsidyYear ?? defaultSubsidyYear(input.asOfDate))
      : undefined;
  const built = await buildSubsidyFacts(executor, {
    caseId: input.caseId,
    asOfDate: input.asOfDate,
    ...(requestedYear === undefined ? {} : { subsidyYear: requestedYear }),
    ...(input.declared === undefined ? {} : { declared: input.declared }),
  });
  const prior = await findPriorSubsidyPayments(executor, built.enterpriseId, input.excludeApplicationId);
  const evaluation = evaluateSubsidy(scheme, built.facts, prior);
  const subsidyYear =
    evaluation.subsidyYear ??
    requestedYear ??
    Number((built.facts.loan.fullyRepaidOn?.value ?? input.asOfDate).slice(0, 4));
  return { built, scheme, evaluation, subsidyYear };
}

/** The evaluation in wire form (money as yuan strings), as stored with an application and sent. */
export function evaluationToWire(evaluation: SubsidyEvaluation): Record<string, unknown> {
  return toWire(evaluation) as Record<string, unknown>;
}
