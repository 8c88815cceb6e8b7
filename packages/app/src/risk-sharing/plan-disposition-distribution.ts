import { and, asc, eq, isNull } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { allocateDispositionProceeds, allocateFlatSplit } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';
import { findPartiesBorne } from './disposition-party-borne.ts';
import type { DispositionRow } from './disposition-view.ts';
import { findCaseAgreement } from './risk-claim-view.ts';

/** One party's part of a planned round. */
export interface PlannedShare {
  readonly role: string;
  readonly party: string;
  readonly claimId: string | null;
  readonly amountFen: bigint;
}

/** A distribution round as it would run now: proceeds taken, costs paid first, the net split, any surplus. */
export interface DistributionPlan {
  readonly proceedsIds: string[];
  readonly proceedsFen: bigint;
  readonly costs: { readonly id: string; readonly kind: string; readonly paidFen: bigint }[];
  readonly costsPaidFen: bigint;
  readonly netProceedsFen: bigint;
  readonly shares: PlannedShare[];
  /** Net proceeds above what the parties still bear: returned to the pledgor, not shared. */
  readonly surplusFen: bigint;
}

/** The plan on the wire (yuan strings). */
export interface DistributionPlanView {
  readonly proceedsYuan: string;
  readonly costsPaidYuan: string;
  readonly netProceedsYuan: string;
  readonly surplusYuan: string;
  readonly costs: { readonly kind: string; readonly paidYuan: string }[];
  readonly shares: { readonly role: string; readonly partyId: string; readonly amountYuan: string }[];
}

/**
 * 分配方案 (plan the next distribution round): the proceeds not yet distributed, unpaid costs first in the order
 * recorded, then the net split by the ratios fixed before disposal (`allocateDispositionProceeds`, largest
 * remainder, adding up to the fen), at most what the parties still bear together (the rest is surplus for the
 * pledgor). Pure reads; the distribution use case writes it.
 */
export async function planDispositionDistribution(
  executor: Executor,
  row: DispositionRow,
  asOfDate: string,
): Promise<DistributionPlan> {
  const { dispositionProceeds, dispositionCosts } = tables;
  const proceeds = await executor
    .select()
    .from(dispositionProceeds)
    .where(and(eq(dispositionProceeds.dispositionId, row.id), isNull(dispositionProceeds.distributionId)))
    .orderBy(asc(dispositionProceeds.createdAt));
  const costs = (
    await executor
      .select()
      .from(dispositionCosts)
      .where(eq(dispositionCosts.dispositionId, row.id))
      .orderBy(asc(dispositionCosts.createdAt))
  ).filter((c) => c.paidFen < c.amountFen);
  const proceedsFen = proceeds.reduce((sum, p) => sum + p.amountFen, 0n);
  const distribution = row.distribution.map((d) => ({ party: d.party, weight: BigInt(d.weightBps) }));
  const waterfall = allocateDispositionProceeds({
    proceedsFen,
    costs: costs.map((c) => ({ kind: c.id, amountFen: c.amountFen - c.paidFen })),
    distribution,
  });
  const [caseRow] = await executor
    .select({ id: tables.financingCases.id, state: tables.financingCases.state })
    .from(tables.financingCases)
    .where(eq(tables.financingCases.id, row.caseId));
  const stored = await findCaseAgreement(executor, row.caseId);
  const borne =
    stored === null || caseRow === undefined
      ? []
      : await findPartiesBorne(executor, caseRow, stored.agreement, asOfDate);
  const stillBorneFen = borne.reduce((sum, b) => sum + b.amountFen, 0n);
  const sharedFen = waterfall.netProceedsFen < stillBorneFen ? waterfall.netProceedsFen : stillBorneFen;
  const split =
    sharedFen === waterfall.netProceedsFen
      ? waterfall.distribution
      : allocateFlatSplit(sharedFen, distribution);
  const claimOf = new Map(borne.map((b) => [b.party, b.claimId]));
  const costsPaid = waterfall.costs.map((c) => ({
    id: c.kind,
    kind: costs.find((line) => line.id === c.kind)?.kind ?? '',
    paidFen: c.paidFen,
  }));
  return {
    proceedsIds: proceeds.map((p) => p.id),
    proceedsFen,
    costs: costsPaid,
    costsPaidFen: costsPaid.reduce((sum, c) => sum + c.paidFen, 0n),
    netProceedsFen: waterfall.netProceedsFen,
    shares: split.map((part) => ({
      role: row.distribution.find((d) => d.party === part.party)?.role ?? 'bank',
      party: part.party,
      claimId: claimOf.get(part.party) ?? null,
      amountFen: part.amountFen,
    })),
    surplusFen: waterfall.netProceedsFen - sharedFen,
  };
}

/** The plan as yuan strings. */
export function toDistributionPlanView(plan: DistributionPlan): DistributionPlanView {
  return {
    proceedsYuan: formatYuan(plan.proceedsFen),
    costsPaidYuan: formatYuan(plan.costsPaidFen),
    netProceedsYuan: formatYuan(plan.netProceedsFen),
    surplusYuan: formatYuan(plan.surplusFen),
    costs: plan.costs.map((c) => ({ kind: c.kind, paidYuan: formatYuan(c.paidFen) })),
    shares: plan.shares.map((s) => ({ role: s.role, partyId: s.party, amountYuan: formatYuan(s.amountFen) })),
  };
}
