import { asc, eq, inArray } from 'drizzle-orm';
import { daysBetween } from '@ipf/domain/calendar';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findCaseParticipants, type CaseParticipantView } from './case-participants.ts';

export type CaseRow = typeof tables.financingCases.$inferSelect;

/** 台账行 on the wire: money in yuan strings, the days spent in the current state (SLA age). */
export interface CaseSummary {
  readonly id: string;
  readonly caseNumber: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly bankUnitId: string;
  readonly bankUnitName: string;
  readonly bankId: string;
  readonly productId: string | null;
  readonly state: string;
  readonly origin: string;
  readonly leadSource: string | null;
  readonly amountYuan: string | null;
  readonly termMonths: number | null;
  readonly repaymentMethod: string | null;
  readonly spreadBps: number | null;
  readonly combinedModel: string | null;
  readonly pledgeeKind: string;
  readonly declineReasonCode: string | null;
  readonly version: number;
  readonly stateEnteredAt: string;
  readonly daysInState: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export async function toCaseSummaries(
  executor: Executor,
  rows: readonly CaseRow[],
  today: string,
): Promise<CaseSummary[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.enterpriseId, r.bankUnitId]))];
  const orgs = await executor
    .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, orgIds));
  const nameOf = new Map(orgs.map((o) => [o.id, o.nameZh]));
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.caseNumber,
    enterpriseId: r.enterpriseId,
    enterpriseName: nameOf.get(r.enterpriseId) ?? '',
    bankUnitId: r.bankUnitId,
    bankUnitName: nameOf.get(r.bankUnitId) ?? '',
    bankId: r.bankId,
    productId: r.productId,
    state: r.state,
    origin: r.origin,
    leadSource: r.leadSource,
    amountYuan: r.amountFen === null ? null : formatYuan(r.amountFen),
    termMonths: r.termMonths,
    repaymentMethod: r.repaymentMethod,
    spreadBps: r.spreadBps,
    combinedModel: r.combinedModel,
    pledgeeKind: r.pledgeeKind,
    declineReasonCode: r.declineReasonCode,
    version: r.version,
    stateEnteredAt: r.stateEnteredAt.toISOString(),
    daysInState: daysBetween(toShanghaiDate(r.stateEnteredAt), today),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** 案件详情: the row, its assets, participants, timeline, evaluation chain, approvals and committee votes. */
export interface CaseDetail extends CaseSummary {
  /** Guarantor, insurer, evaluator of the case and whether each accepted. */
  readonly participants: CaseParticipantView[];
  readonly preparedByUserIds: string[];
  readonly assets: { assetId: string; kind: string; number: string; title: string }[];
  readonly events: {
    action: string;
    fromState: string | null;
    toState: string;
    actorUserId: string | null;
    actorRole: string;
    reasonCode: string | null;
    note: string | null;
    occurredAt: string;
  }[];
  readonly evaluations: Record<string, unknown>[];
  readonly approvals: {
    approverUserId: string;
    authorityLevel: number;
    requiredLevel: number | null;
    decision: string;
    reasonCode: string | null;
    note: string | null;
    decidedAt: string;
  }[];
  readonly committeeVotes: { memberUserId: string; vote: string; note: string | null; votedAt: string }[];
}

export async function loadCaseDetail(executor: Executor, row: CaseRow, today: string): Promise<CaseDetail> {
  const { caseAssets, ipAssets, caseEvents, caseEvaluations, caseApprovals, creditCommitteeVotes } = tables;
  const [summary] = await toCaseSummaries(executor, [row], today);
  const participants = await findCaseParticipants(executor, row.id);
  const assets = await executor
    .select({
      assetId: caseAssets.assetId,
      kind: caseAssets.kind,
      number: ipAssets.number,
      title: ipAssets.title,
    })
    .from(caseAssets)
    .innerJoin(ipAssets, eq(ipAssets.id, caseAssets.assetId))
    .where(eq(caseAssets.caseId, row.id))
    .orderBy(asc(caseAssets.position));
  const events = await executor
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.seq));
  const evaluations = await executor
    .select()
    .from(caseEvaluations)
    .where(eq(caseEvaluations.caseId, row.id))
    .orderBy(asc(caseEvaluations.recordedAt));
  const approvals = await executor
    .select()
    .from(caseApprovals)
    .where(eq(caseApprovals.caseId, row.id))
    .orderBy(asc(caseApprovals.decidedAt));
  const votes = await executor
    .select()
    .from(creditCommitteeVotes)
    .where(eq(creditCommitteeVotes.caseId, row.id))
    .orderBy(asc(creditCommitteeVotes.votedAt));
  const yuan = (fen: bigint | null) => (fen === null ? null : formatYuan(fen));
  return {
    ...summary!,
    preparedByUserIds: row.preparedByUserIds,
    participants,
    assets,
    events: events.map((e) => ({
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorUserId: e.actorUserId,
      actorRole: e.actorRole,
      reasonCode: e.reasonCode,
      note: e.note,
      occurredAt: e.occurredAt.toISOString(),
    })),
    evaluations: evaluations.map(
      ({ valueFen, creditLineFen, assetValues, recordedAt, caseId: _caseId, ...rest }) => ({
        ...rest,
        recordedAt: recordedAt.toISOString(),
        valueYuan: yuan(valueFen),
        creditLineYuan: yuan(creditLineFen),
        assetValues:
          assetValues?.map((a) => ({
            assetId: a.assetId,
            kind: a.kind,
            valueYuan: formatYuan(BigInt(a.valueFen)),
          })) ?? null,
      }),
    ),
    approvals: approvals.map((a) => ({
      approverUserId: a.approverUserId,
      authorityLevel: a.authorityLevel,
      requiredLevel: a.requiredLevel,
      decision: a.decision,
      reasonCode: a.reasonCode,
      note: a.note,
      decidedAt: a.decidedAt.toISOString(),
    })),
    committeeVotes: votes.map((v) => ({
      memberUserId: v.memberUserId,
      vote: v.vote,
      note: v.note,
      votedAt: v.votedAt.toISOString(),
    })),
  };
}
