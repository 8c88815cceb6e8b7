import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import type { DispositionPath, DispositionState, DispositionStatus } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { loadOrganisationNames } from './risk-sharing-views.ts';
import { appendCaseNoteEvent } from '../ledger/append-case-note-event.ts';

const { dispositionCases, dispositionCosts, dispositionProceeds, dispositionDistributions, financingCases } =
  tables;

export type DispositionRow = typeof dispositionCases.$inferSelect;

/** One party's fixed 分配比例 on the wire. */
export interface DispositionShareView {
  readonly role: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly weightBps: number;
}

/** 处置案件 on the wire (amounts in yuan strings). */
export interface DispositionView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly caseState: string;
  readonly enterpriseName: string;
  readonly status: DispositionStatus;
  readonly path: DispositionPath | null;
  readonly distribution: DispositionShareView[];
  readonly distributionFixedAt: string;
  readonly counterpartyName: string | null;
  readonly controlledAccount: string | null;
  readonly appraisedValueYuan: string | null;
  readonly proceedsYuan: string;
  readonly costsYuan: string;
  readonly distributedYuan: string;
  readonly registrationCancelled: boolean;
  readonly openedByUserId: string;
  readonly openedDate: string;
  readonly closedDate: string | null;
  readonly version: number;
}

/** A cost line on the wire. */
export interface DispositionCostView {
  readonly id: string;
  readonly kind: string;
  readonly amountYuan: string;
  readonly paidYuan: string;
  readonly incurredDate: string;
  readonly note: string | null;
  readonly distributed: boolean;
}

/** A proceeds line on the wire. */
export interface DispositionProceedsView {
  readonly id: string;
  readonly kind: string;
  readonly amountYuan: string;
  readonly receivedDate: string;
  readonly payerName: string | null;
  readonly reference: string;
  readonly distributed: boolean;
}

/** A distribution round on the wire, with each party's part. */
export interface DispositionDistributionView {
  readonly id: string;
  readonly sequence: number;
  readonly proceedsYuan: string;
  readonly costsPaidYuan: string;
  readonly netProceedsYuan: string;
  readonly distributedDate: string;
  readonly distributedByUserId: string;
  readonly shares: {
    readonly role: string;
    readonly organisationId: string;
    readonly organisationName: string;
    readonly claimId: string | null;
    readonly amountYuan: string;
  }[];
}

/** 处置详情: the case, its cost and proceeds lines and the distribution rounds. */
export interface DispositionDetail extends DispositionView {
  readonly costs: DispositionCostView[];
  readonly proceeds: DispositionProceedsView[];
  readonly distributions: DispositionDistributionView[];
}

/** The state of a row as the domain value. */
export function dispositionStateOf(row: DispositionRow): DispositionState {
  return { status: row.state as DispositionStatus, path: (row.path as DispositionPath | null) ?? null };
}

/**
 * The disposition of a case the actor sees (case visibility of its scope), optionally locked `FOR UPDATE`;
 * otherwise NOT_FOUND.
 */
export async function getVisibleDisposition(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  lock = false,
): Promise<DispositionRow> {
  const query = executor
    .select({ disposition: dispositionCases })
    .from(dispositionCases)
    .innerJoin(financingCases, eq(financingCases.id, dispositionCases.caseId))
    .where(and(eq(dispositionCases.id, id), caseVisibility(actor, scope)));
  const [row] = lock ? await query.for('update', { of: dispositionCases }) : await query;
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row.disposition;
}

/** Views of disposition rows (one query each for cases and names). */
export async function toDispositionViews(
  executor: Executor,
  rows: readonly DispositionRow[],
): Promise<DispositionView[]> {
  if (rows.length === 0) return [];
  const cases = new Map<string, { caseNumber: string; state: string; enterpriseId: string }>();
  for (const row of rows) {
    if (cases.has(row.caseId)) continue;
    const [c] = await executor
      .select({
        caseNumber: financingCases.caseNumber,
        state: financingCases.state,
        enterpriseId: financingCases.enterpriseId,
      })
      .from(financingCases)
      .where(eq(financingCases.id, row.caseId));
    if (c !== undefined) cases.set(row.caseId, c);
  }
  const names = await loadOrganisationNames(executor, [
    ...[...cases.values()].map((c) => c.enterpriseId),
    ...rows.flatMap((r) => r.distribution.map((d) => d.party)),
  ]);
  return rows.map((r) => {
    const c = cases.get(r.caseId);
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: c?.caseNumber ?? '',
      caseState: c?.state ?? '',
      enterpriseName: names.get(c?.enterpriseId ?? '') ?? '',
      status: r.state as DispositionStatus,
      path: (r.path as DispositionPath | null) ?? null,
      distribution: r.distribution.map((d) => ({
        role: d.role,
        partyId: d.party,
        partyName: names.get(d.party) ?? '',
        weightBps: Number(d.weightBps),
      })),
      distributionFixedAt: r.distributionFixedAt.toISOString(),
      counterpartyName: r.counterpartyName,
      controlledAccount: r.controlledAccount,
      appraisedValueYuan: r.appraisedValueFen === null ? null : formatYuan(r.appraisedValueFen),
      proceedsYuan: formatYuan(r.proceedsFen),
      costsYuan: formatYuan(r.costsFen),
      distributedYuan: formatYuan(r.distributedFen),
      registrationCancelled: r.registrationCancelled,
      openedByUserId: r.openedByUserId,
      openedDate: r.openedDate,
      closedDate: r.closedDate,
      version: r.version,
    };
  });
}

/** The detail of one disposition: lines and rounds in their order. */
export async function loadDispositionDetail(
  executor: Executor,
  row: DispositionRow,
): Promise<DispositionDetail> {
  const [view] = await toDispositionViews(executor, [row]);
  const costs = await executor
    .select()
    .from(dispositionCosts)
    .where(eq(dispositionCosts.dispositionId, row.id))
    .orderBy(asc(dispositionCosts.createdAt));
  const proceeds = await executor
    .select()
    .from(dispositionProceeds)
    .where(eq(dispositionProceeds.dispositionId, row.id))
    .orderBy(asc(dispositionProceeds.createdAt));
  const rounds = await executor
    .select()
    .from(dispositionDistributions)
    .where(eq(dispositionDistributions.dispositionId, row.id))
    .orderBy(asc(dispositionDistributions.sequence));
  const shares = await executor
    .select()
    .from(tables.riskRecoveryShares)
    .where(
      and(
        eq(tables.riskRecoveryShares.caseId, row.caseId),
        eq(tables.riskRecoveryShares.source, 'disposition'),
      ),
    )
    .orderBy(asc(tables.riskRecoveryShares.createdAt));
  const names = await loadOrganisationNames(
    executor,
    shares.map((s) => s.organisationId),
  );
  return {
    ...view!,
    costs: costs.map((c) => ({
      id: c.id,
      kind: c.kind,
      amountYuan: formatYuan(c.amountFen),
      paidYuan: formatYuan(c.paidFen),
      incurredDate: c.incurredDate,
      note: c.note,
      distributed: c.distributionId !== null,
    })),
    proceeds: proceeds.map((p) => ({
      id: p.id,
      kind: p.kind,
      amountYuan: formatYuan(p.amountFen),
      receivedDate: p.receivedDate,
      payerName: p.payerName,
      reference: p.reference,
      distributed: p.distributionId !== null,
    })),
    distributions: rounds.map((d) => ({
      id: d.id,
      sequence: d.sequence,
      proceedsYuan: formatYuan(d.proceedsFen),
      costsPaidYuan: formatYuan(d.costsPaidFen),
      netProceedsYuan: formatYuan(d.netProceedsFen),
      distributedDate: d.distributedDate,
      distributedByUserId: d.distributedByUserId,
      shares: shares
        .filter((s) => s.distributionId === d.id)
        .map((s) => ({
          role: s.role,
          organisationId: s.organisationId,
          organisationName: names.get(s.organisationId) ?? '',
          claimId: s.claimId,
          amountYuan: formatYuan(s.amountFen),
        })),
    })),
  };
}

/** Timeline actions of a disposition (`case_events.action`), each a step on the case's ledger timeline. */
export type DispositionTimelineAction =
  | 'open_disposition'
  | 'choose_disposition_path'
  | 'start_disposition'
  | 'record_disposition_cost'
  | 'record_disposition_proceeds'
  | 'distribute_disposition'
  | 'close_disposition';

/** Adds a step to the case timeline (state unchanged) in the caller's transaction. */
export const appendDispositionTimelineEvent = appendCaseNoteEvent<DispositionTimelineAction>;
