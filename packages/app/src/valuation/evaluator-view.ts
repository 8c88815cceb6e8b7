import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { calculateEvaluatorQuality, type ReviewOutcome } from '@ipf/domain/valuation';
import { tables, type Executor } from '@ipf/db';

export type EvaluatorAdmissionRow = typeof tables.evaluatorAdmissions.$inferSelect;

/** 质量评分 of an admitted firm; `score` is null while there is nothing to score it on (shown as 暂无). */
export interface EvaluatorQualityView {
  readonly reviewCount: number;
  readonly confirmedCount: number;
  readonly adjustedCount: number;
  readonly rejectedCount: number;
  /** Realised prices (trades, disposals) against the firm's reported values; none are recorded yet. */
  readonly realisationCount: number;
  readonly score: string | null;
  readonly reviewScore: string | null;
  readonly deviationScore: string | null;
  readonly meanDeviationPct: string | null;
}

/** 评估机构入库记录 on the wire. */
export interface EvaluatorView {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationNameEn: string;
  readonly state: string;
  readonly licenceNumber: string;
  readonly certifiedValuers: { name: string; certificateNumber: string }[];
  readonly fields: string[];
  readonly documents: string[];
  readonly feeShares: { enterpriseBps: number; bankBps: number; subsidyBps: number };
  readonly appliedAt: string;
  readonly decidedAt: string | null;
  readonly version: number;
  readonly quality: EvaluatorQualityView;
}

export interface EvaluatorStatusChangeView {
  readonly fromState: string | null;
  readonly toState: string;
  readonly reason: string | null;
  readonly actorName: string;
  readonly occurredAt: string;
}

export interface EvaluatorDetailView extends EvaluatorView {
  readonly history: EvaluatorStatusChangeView[];
}

/**
 * The review outcomes of the firms' concluded expert reviews, fed to `calculateEvaluatorQuality`. Realised
 * prices are not recorded on the platform yet, so the deviation part stays out (暂无) and the score is the
 * review part; with neither, there is no score.
 */
export async function loadEvaluatorQualities(
  executor: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, EvaluatorQualityView>> {
  const { expertReviews } = tables;
  const rows =
    organisationIds.length === 0
      ? []
      : await executor
          .select({
            orgId: expertReviews.evaluatorOrganisationId,
            outcome: expertReviews.outcome,
            n: count(),
          })
          .from(expertReviews)
          .where(
            and(
              inArray(expertReviews.evaluatorOrganisationId, [...organisationIds]),
              isNotNull(expertReviews.outcome),
            ),
          )
          .groupBy(expertReviews.evaluatorOrganisationId, expertReviews.outcome);
  const result = new Map<string, EvaluatorQualityView>();
  for (const orgId of organisationIds) {
    const outcomes: ReviewOutcome[] = [];
    for (const row of rows.filter((r) => r.orgId === orgId))
      for (let i = 0; i < Number(row.n); i += 1) outcomes.push(row.outcome as ReviewOutcome);
    const counted = (outcome: ReviewOutcome) => outcomes.filter((o) => o === outcome).length;
    // Without realisations the deviation part is unknown, so the review part carries the whole weight.
    const quality =
      outcomes.length === 0
        ? null
        : calculateEvaluatorQuality({ reviewOutcomes: outcomes, realisations: [], reviewWeightBps: 10_000 });
    result.set(orgId, {
      reviewCount: outcomes.length,
      confirmedCount: counted('confirmed'),
      adjustedCount: counted('adjusted'),
      rejectedCount: counted('rejected'),
      realisationCount: 0,
      score: quality?.score ?? null,
      reviewScore: quality?.reviewScore ?? null,
      deviationScore: null,
      meanDeviationPct: null,
    });
  }
  return result;
}

/** Joins the organisation names and quality scores onto admission rows, keeping their order. */
export async function toEvaluatorViews(
  executor: Executor,
  rows: readonly EvaluatorAdmissionRow[],
): Promise<EvaluatorView[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.organisationId))];
  const orgs = await executor
    .select({
      id: tables.organisations.id,
      nameZh: tables.organisations.nameZh,
      nameEn: tables.organisations.nameEn,
    })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, orgIds));
  const names = new Map(orgs.map((o) => [o.id, o]));
  const qualities = await loadEvaluatorQualities(executor, orgIds);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: names.get(r.organisationId)?.nameZh ?? '',
    organisationNameEn: names.get(r.organisationId)?.nameEn ?? '',
    state: r.state,
    licenceNumber: r.licenceNumber,
    certifiedValuers: r.certifiedValuers.map((v) => ({
      name: v.name,
      certificateNumber: v.certificateNumber,
    })),
    fields: r.fields,
    documents: r.documents,
    feeShares: {
      enterpriseBps: r.feeShareEnterpriseBps,
      bankBps: r.feeShareBankBps,
      subsidyBps: r.feeShareSubsidyBps,
    },
    appliedAt: r.appliedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    version: r.version,
    quality: qualities.get(r.organisationId)!,
  }));
}

/** The detail view: the admission with its status history, oldest first. */
export async function loadEvaluatorDetail(
  executor: Executor,
  row: EvaluatorAdmissionRow,
): Promise<EvaluatorDetailView> {
  const { evaluatorStatusHistory, users } = tables;
  const history = await executor
    .select({
      fromState: evaluatorStatusHistory.fromState,
      toState: evaluatorStatusHistory.toState,
      reason: evaluatorStatusHistory.reason,
      actorName: users.displayName,
      occurredAt: evaluatorStatusHistory.occurredAt,
    })
    .from(evaluatorStatusHistory)
    .innerJoin(users, eq(users.id, evaluatorStatusHistory.actorUserId))
    .where(eq(evaluatorStatusHistory.admissionId, row.id))
    .orderBy(asc(evaluatorStatusHistory.occurredAt), asc(evaluatorStatusHistory.seq));
  const [view] = await toEvaluatorViews(executor, [row]);
  return {
    ...view!,
    history: history.map((h) => ({ ...h, occurredAt: h.occurredAt.toISOString() })),
  };
}
