import { and, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import type { RiskSharingAgreement } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { fromStoredAgreement, loadOrganisationNames, yuanOrNull } from './risk-sharing-views.ts';
import { appendCaseNoteEvent } from '../ledger/append-case-note-event.ts';

export type RiskClaimRow = typeof tables.riskClaims.$inferSelect;
type PaymentRow = typeof tables.riskClaimPayments.$inferSelect;

const { riskClaims, riskClaimPayments, financingCases, riskSharingAgreements } = tables;

/** 理赔 on the wire: money in yuan strings, parties with their names, the payment once made. */
export interface RiskClaimView {
  readonly id: string;
  readonly claimNumber: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly caseState: string;
  readonly enterpriseName: string;
  readonly payerRole: string;
  readonly payerOrganisationId: string;
  readonly payerName: string;
  readonly claimantOrganisationId: string;
  readonly claimantName: string;
  readonly lossPrincipalYuan: string;
  readonly lossInterestYuan: string;
  readonly claimedYuan: string;
  readonly approvedYuan: string | null;
  readonly paidYuan: string | null;
  readonly shortfallYuan: string | null;
  readonly recoveredYuan: string;
  readonly budgetYear: number | null;
  readonly state: string;
  readonly documents: { kind: string; name: string; ref: string }[];
  readonly filedByUserId: string;
  readonly reviewedByUserId: string | null;
  readonly decidedByUserId: string | null;
  readonly rejectionReason: string | null;
  readonly filedDate: string;
  readonly decidedDate: string | null;
  readonly payment: { paidDate: string; reference: string; paidByUserId: string; amountYuan: string } | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Which claims an actor sees (access.md): a bank those of its cases (by hierarchy), a guarantor the claims it pays
 * and the re-guarantee claims it files, an insurer or a pool administrator the claims it pays, a district bureau
 * its district's, the city bureau and regulators all.
 */
export function claimVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  if (scope === 'all') return sql`true`;
  if (actor.organisationKind === 'bank' || scope === 'district') {
    return exists(
      sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, riskClaims.caseId), caseVisibility(actor, scope))})`,
    );
  }
  return or(
    eq(riskClaims.payerOrganisationId, actor.organisationId),
    eq(riskClaims.claimantOrganisationId, actor.organisationId),
  )!;
}

/** The claim if the actor sees it, else NOT_FOUND; `forUpdate` locks the row (decisions and payments queue on it). */
export async function getVisibleClaimRow(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  options: { forUpdate?: boolean } = {},
): Promise<RiskClaimRow> {
  const query = executor
    .select()
    .from(riskClaims)
    .where(and(eq(riskClaims.id, id), claimVisibility(actor, scope)));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/**
 * A payer's step (review, decision, payment): the claim locked `FOR UPDATE`, and only the payer's own users act on
 * it (anyone else who may see it gets NOT_FOUND, like a claim that does not exist).
 */
export async function getPayerClaimForUpdate(
  executor: Executor,
  id: string,
  actor: Actor,
): Promise<RiskClaimRow> {
  const [row] = await executor
    .select()
    .from(riskClaims)
    .where(and(eq(riskClaims.id, id), eq(riskClaims.payerOrganisationId, actor.organisationId)))
    .for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** The agreement in force for a case (highest version), or null. */
export async function findCaseAgreement(
  executor: Executor,
  caseId: string,
): Promise<{ id: string; poolFilingId: string | null; agreement: RiskSharingAgreement } | null> {
  const [stored] = await executor
    .select()
    .from(riskSharingAgreements)
    .where(eq(riskSharingAgreements.caseId, caseId))
    .orderBy(desc(riskSharingAgreements.version))
    .limit(1);
  if (stored === undefined) return null;
  return {
    id: stored.id,
    poolFilingId: stored.poolFilingId,
    agreement: fromStoredAgreement(stored.agreement),
  };
}

/** Views of claims (one query each for cases, payments and organisation names). */
export async function toRiskClaimViews(
  executor: Executor,
  rows: readonly RiskClaimRow[],
): Promise<RiskClaimView[]> {
  if (rows.length === 0) return [];
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const cases = await executor
    .select({
      id: financingCases.id,
      caseNumber: financingCases.caseNumber,
      state: financingCases.state,
      enterpriseId: financingCases.enterpriseId,
    })
    .from(financingCases)
    .where(inArray(financingCases.id, caseIds));
  const payments = await executor
    .select()
    .from(riskClaimPayments)
    .where(
      inArray(
        riskClaimPayments.claimId,
        rows.map((r) => r.id),
      ),
    );
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const paymentOf = new Map<string, PaymentRow>(payments.map((p) => [p.claimId, p]));
  const names = await loadOrganisationNames(executor, [
    ...rows.flatMap((r) => [r.payerOrganisationId, r.claimantOrganisationId]),
    ...cases.map((c) => c.enterpriseId),
  ]);
  return rows.map((r) => {
    const c = caseOf.get(r.caseId);
    const payment = paymentOf.get(r.id);
    return {
      id: r.id,
      claimNumber: r.claimNumber,
      caseId: r.caseId,
      caseNumber: c?.caseNumber ?? '',
      caseState: c?.state ?? '',
      enterpriseName: names.get(c?.enterpriseId ?? '') ?? '',
      payerRole: r.payerRole,
      payerOrganisationId: r.payerOrganisationId,
      payerName: names.get(r.payerOrganisationId) ?? '',
      claimantOrganisationId: r.claimantOrganisationId,
      claimantName: names.get(r.claimantOrganisationId) ?? '',
      lossPrincipalYuan: formatYuan(r.lossPrincipalFen),
      lossInterestYuan: formatYuan(r.lossInterestFen),
      claimedYuan: formatYuan(r.claimedFen),
      approvedYuan: yuanOrNull(r.approvedFen),
      paidYuan: payment === undefined ? null : formatYuan(payment.amountFen),
      shortfallYuan: yuanOrNull(r.shortfallFen),
      recoveredYuan: formatYuan(r.recoveredFen),
      budgetYear: r.budgetYear,
      state: r.state,
      documents: r.documents.map((d) => ({ kind: d.kind, name: d.name, ref: d.ref })),
      filedByUserId: r.filedByUserId,
      reviewedByUserId: r.reviewedByUserId,
      decidedByUserId: r.decidedByUserId,
      rejectionReason: r.rejectionReason,
      filedDate: r.filedDate,
      decidedDate: r.decidedDate,
      payment:
        payment === undefined
          ? null
          : {
              paidDate: payment.paidDate,
              reference: payment.reference,
              paidByUserId: payment.paidByUserId,
              amountYuan: formatYuan(payment.amountFen),
            },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/**
 * Timeline actions of the claims workflow (`case_events.action`): a claim step adds an event to the case's
 * timeline without changing its state (from = to), so the ledger shows every claim and payment.
 */
export type ClaimTimelineAction =
  | 'file_claim'
  | 'review_risk_claim'
  | 'approve_risk_claim'
  | 'reject_risk_claim'
  | 'pay_risk_claim'
  | 'share_risk_recovery';

/** Adds a step to the case timeline (state unchanged) in the caller's transaction. */
export const appendClaimTimelineEvent = appendCaseNoteEvent<ClaimTimelineAction>;

/** 案件行加锁: the case row `FOR UPDATE`, so claim filings and recoveries of one case queue one after another. */
export async function lockCaseRow(tx: Executor, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(financingCases).where(eq(financingCases.id, caseId)).for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** 付款人角色中文名 for timeline notes. */
export const CLAIM_ROLE_ZH: Readonly<Record<string, string>> = {
  guarantor: '担保代偿',
  re_guarantor: '再担保分担',
  insurer: '保险理赔',
  evaluator: '评估机构分担',
  pool: '资金池补偿',
};
