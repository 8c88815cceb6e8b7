import { and, asc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';

export type ExpertReviewRow = typeof tables.expertReviews.$inferSelect;

/** A drawn expert of a review with the opinion recorded for them. */
export interface ExpertReviewMemberView {
  readonly id: string;
  readonly expertId: string;
  readonly expertName: string;
  readonly affiliationName: string;
  readonly drawOrder: number;
  readonly drawKey: string;
  readonly opinionOutcome: string | null;
  readonly opinionAdjustedValueYuan: string | null;
  readonly opinion: string | null;
  readonly recordedAt: string | null;
}

/** 复核认定 on the wire; the seed appears only once it is revealed (after the draw). */
export interface ExpertReviewView {
  readonly id: string;
  readonly reviewNumber: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly valuationId: string | null;
  readonly evaluatorOrganisationId: string;
  readonly evaluatorName: string;
  readonly reportedValueYuan: string;
  readonly expertCount: number;
  readonly requiredIpcPrefixes: string[];
  readonly state: string;
  readonly hashAlgorithm: string;
  readonly seedCommitment: string;
  readonly seed: string | null;
  readonly seedRevealedAt: string | null;
  readonly candidateCount: number | null;
  readonly excludedCount: number | null;
  readonly outcome: string | null;
  readonly adjustedValueYuan: string | null;
  readonly conclusionReason: string | null;
  readonly createdAt: string;
  readonly drawnAt: string | null;
  readonly concludedAt: string | null;
  readonly version: number;
  readonly members: ExpertReviewMemberView[];
}

const { expertReviews, expertReviewMembers, experts, financingCases } = tables;

/**
 * Which reviews an actor sees (access.md "Case parties"): the bureau and regulators all; the evaluation firm the
 * reviews of its own valuations; the bank those of its cases (hierarchy); an expert those it was drawn for.
 */
export function expertReviewVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'own_org':
      if (actor.organisationKind === 'evaluation_firm')
        return eq(expertReviews.evaluatorOrganisationId, actor.organisationId);
      return exists(
        sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, expertReviews.caseId), caseVisibility(actor, scope))})`,
      );
    case 'assigned':
      return exists(
        sql`(select 1 from ${expertReviewMembers} inner join ${experts} on ${eq(experts.id, expertReviewMembers.expertId)} where ${and(eq(expertReviewMembers.reviewId, expertReviews.id), eq(experts.userId, actor.userId))})`,
      );
    default:
      return sql`false`;
  }
}

/** Joins case numbers, evaluator names and members onto review rows, keeping their order. */
export async function toExpertReviewViews(
  executor: Executor,
  rows: readonly ExpertReviewRow[],
): Promise<ExpertReviewView[]> {
  if (rows.length === 0) return [];
  const cases = await executor
    .select({ id: financingCases.id, caseNumber: financingCases.caseNumber })
    .from(financingCases)
    .where(inArray(financingCases.id, [...new Set(rows.map((r) => r.caseId))]));
  const orgs = await executor
    .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, [...new Set(rows.map((r) => r.evaluatorOrganisationId))]));
  const members = await executor
    .select({
      member: expertReviewMembers,
      expertName: experts.name,
      affiliationName: experts.affiliationName,
    })
    .from(expertReviewMembers)
    .innerJoin(experts, eq(experts.id, expertReviewMembers.expertId))
    .where(
      inArray(
        expertReviewMembers.reviewId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(expertReviewMembers.drawOrder));
  const caseNumbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
  const orgNames = new Map(orgs.map((o) => [o.id, o.nameZh]));
  return rows.map((r) => ({
    id: r.id,
    reviewNumber: r.reviewNumber,
    caseId: r.caseId,
    caseNumber: caseNumbers.get(r.caseId) ?? '',
    valuationId: r.valuationId,
    evaluatorOrganisationId: r.evaluatorOrganisationId,
    evaluatorName: orgNames.get(r.evaluatorOrganisationId) ?? '',
    reportedValueYuan: formatYuan(r.reportedValueFen),
    expertCount: r.expertCount,
    requiredIpcPrefixes: r.requiredIpcPrefixes,
    state: r.state,
    hashAlgorithm: r.hashAlgorithm,
    seedCommitment: r.seedCommitment,
    seed: r.seedRevealedAt === null ? null : r.seed,
    seedRevealedAt: r.seedRevealedAt?.toISOString() ?? null,
    candidateCount: r.candidates?.length ?? null,
    excludedCount: r.excluded?.length ?? null,
    outcome: r.outcome,
    adjustedValueYuan: r.adjustedValueFen === null ? null : formatYuan(r.adjustedValueFen),
    conclusionReason: r.conclusionReason,
    createdAt: r.createdAt.toISOString(),
    drawnAt: r.drawnAt?.toISOString() ?? null,
    concludedAt: r.concludedAt?.toISOString() ?? null,
    version: r.version,
    members: members
      .filter((m) => m.member.reviewId === r.id)
      .map(({ member, expertName, affiliationName }) => ({
        id: member.id,
        expertId: member.expertId,
        expertName,
        affiliationName,
        drawOrder: member.drawOrder,
        drawKey: member.drawKey,
        opinionOutcome: member.opinionOutcome,
        opinionAdjustedValueYuan:
          member.opinionAdjustedValueFen === null ? null : formatYuan(member.opinionAdjustedValueFen),
        opinion: member.opinion,
        recordedAt: member.recordedAt?.toISOString() ?? null,
      })),
  }));
}

/** Loads a review the actor may see, else NOT_FOUND (optionally locked for an update). */
export async function findVisibleExpertReview(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  lock = false,
): Promise<ExpertReviewRow | undefined> {
  const query = executor
    .select()
    .from(expertReviews)
    .where(and(eq(expertReviews.id, id), expertReviewVisibility(actor, scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}
