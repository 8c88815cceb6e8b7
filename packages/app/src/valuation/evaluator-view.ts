import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { calculateEvaluatorQuality, type ReviewOutcome } from '@ipf/domain/valuation';
import { tables, type Executor } from '@ipf/db';
import {
  loadEvaluatorRealisations,
  toRealisedValues,
  type EvaluatorRealisationView,
} from './load-evaluator-realisations.ts';

export type EvaluatorAdmissionRow = typeof tables.evaluatorAdmissions.$inferSelect;

/** 质量评分 of an admitted firm; `score` is null while there is nothing to score it on (shown as 暂无). */
export interface EvaluatorQualityView {
  readonly reviewCount: number;
  readonly confirmedCount: number;
  readonly adjustedCount: number;
  readonly rejectedCount: number;
  /** Realised prices (trades, disposals) paired with the firm's formal reports (`loadEvaluatorRealisations`). */
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

/** One realised price against the formal report it judges, as the detail shows it (yuan strings). */
export type EvaluatorRealisationItemView = Omit<
  EvaluatorRealisationView,
  'reportedValueFen' | 'realisedPriceFen'
>;

export interface EvaluatorDetailView extends EvaluatorView {
  readonly history: EvaluatorStatusChangeView[];
  readonly realisations: EvaluatorRealisationItemView[];
}

/**
 * 质量评分 of the firms: the outcomes of their concluded expert reviews and the realised prices paired with their
 * formal reports (`loadEvaluatorRealisations`: trades within 24 months against the market value, disposals against
 * the pledge value), fed to `calculateEvaluatorQuality` with its default weights (review 60 %, deviation 40 %).
 * With only one of the two, that part carries the whole weight; with neither, there is no score (暂无).
 */
export async function loadEvaluatorQualities(
  executor: Executor,
  organisationIds: readonly string[],
  realisationsByOrg?: ReadonlyMap<string, readonly EvaluatorRealisationView[]>,
): Promise<Map<string, EvaluatorQualityView>> {
  const { expertReviews } = tables;
  const realised = realisationsByOrg ?? (await loadEvaluatorRealisations(executor, organisationIds));
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
    const realisations = toRealisedValues(realised.get(orgId) ?? []);
    // A part without data is unknown, so the other part carries the whole weight.
    const reviewWeightBps = realisations.length === 0 ? 10_000 : outcomes.length === 0 ? 0 : undefined;
    const quality =
      outcomes.length === 0 && realisations.length === 0
        ? null
        : calculateEvaluatorQuality({
            reviewOutcomes: outcomes,
            realisations,
            ...(reviewWeightBps === undefined ? {} : { reviewWeightBps }),
          });
    result.set(orgId, {
      reviewCount: outcomes.length,
      confirmedCount: counted('confirmed'),
      adjustedCount: counted('adjusted'),
      rejectedCount: counted('rejected'),
      realisationCount: realisations.length,
      score: quality?.score ?? null,
      reviewScore: outcomes.length === 0 ? null : (quality?.reviewScore ?? null),
      deviationScore: realisations.length === 0 ? null : (quality?.deviationScore ?? null),
      meanDeviationPct: realisations.length === 0 ? null : (quality?.meanDeviationPct ?? null),
    });
  }
  return result;
}

/** Joins the organisation names and quality scores onto admission rows, keeping their order. */
export async function toEvaluatorViews(
  executor: Executor,
  rows: readonly EvaluatorAdmissionRow[],
  realisationsByOrg?: ReadonlyMap<string, readonly EvaluatorRealisationView[]>,
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
  const qualities = await loadEvaluatorQualities(executor, orgIds, realisationsByOrg);
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
  const realisations = await loadEvaluatorRealisations(executor, [row.organisationId]);
  const [view] = await toEvaluatorViews(executor, [row], realisations);
  return {
    ...view!,
    history: history.map((h) => ({ ...h, occurredAt: h.occurredAt.toISOString() })),
    realisations: (realisations.get(row.organisationId) ?? []).map(
      ({ reportedValueFen: _reported, realisedPriceFen: _realised, ...item }) => item,
    ),
  };
}
