import { randomUUID } from 'node:crypto';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { transitionClaim, type ClaimStatus } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  appendDispositionTimelineEvent,
  getVisibleDisposition,
  loadDispositionDetail,
  type DispositionDetail,
} from './disposition-view.ts';
import { planDispositionDistribution } from './plan-disposition-distribution.ts';
import { lockCaseRow } from './risk-claim-view.ts';
import { stepDisposition } from './step-disposition.ts';

export interface DistributeDispositionProceedsInput {
  readonly id: string;
}

/**
 * 审批并执行处置款分配 (approve and run a distribution round): a bank approver who neither opened the disposition nor
 * recorded any of its costs or proceeds (maker-checker) runs the plan of `planDispositionDistribution`: costs paid
 * first, the net split by the fixed ratios to the fen; each party's part is a recovery share (`source` =
 * `disposition`) linked to the claim it paid, which becomes `recovered` (the claims' recovery sharing, issue 8
 * item 3). The disposition moves to `distributed`. On the case timeline, audited.
 * Source: issue 8 item 5; R11.
 * @throws DISPOSITION_MAKER_CHECKER_VIOLATION, DISPOSITION_NOTHING_TO_DISTRIBUTE, DISPOSITION_TRANSITION_NOT_ALLOWED.
 */
export async function distributeDispositionProceeds(
  input: DistributeDispositionProceedsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.distribute');
  const { dispositionCosts, dispositionProceeds, dispositionDistributions, riskClaims, riskRecoveryShares } =
    tables;
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    await lockCaseRow(tx, row.caseId);
    const makers = new Set<string>([row.openedByUserId]);
    for (const line of await tx
      .select({ by: dispositionCosts.recordedByUserId })
      .from(dispositionCosts)
      .where(eq(dispositionCosts.dispositionId, row.id)))
      makers.add(line.by);
    for (const line of await tx
      .select({ by: dispositionProceeds.recordedByUserId })
      .from(dispositionProceeds)
      .where(eq(dispositionProceeds.dispositionId, row.id)))
      makers.add(line.by);
    if (makers.has(actor.userId))
      throw new DomainError('DISPOSITION_MAKER_CHECKER_VIOLATION', { userId: actor.userId });

    const plan = await planDispositionDistribution(tx, row, today);
    if (plan.proceedsFen === 0n) throw new DomainError('DISPOSITION_NOTHING_TO_DISTRIBUTE');
    const sharedFen = plan.shares.reduce((sum, s) => sum + s.amountFen, 0n);
    const updated = await stepDisposition(tx, row, { kind: 'distribute' }, now, {
      distributedFen: sql`${tables.dispositionCases.distributedFen} + ${sharedFen}`,
    });

    const [rounds] = await tx
      .select({ n: count() })
      .from(dispositionDistributions)
      .where(eq(dispositionDistributions.dispositionId, row.id));
    const distributionId = randomUUID();
    await tx.insert(dispositionDistributions).values({
      id: distributionId,
      dispositionId: row.id,
      sequence: (rounds?.n ?? 0) + 1,
      proceedsFen: plan.proceedsFen,
      costsPaidFen: plan.costsPaidFen,
      netProceedsFen: plan.netProceedsFen,
      distributedDate: today,
      distributedByUserId: actor.userId,
      createdAt: now,
    });
    await tx
      .update(dispositionProceeds)
      .set({ distributionId })
      .where(inArray(dispositionProceeds.id, plan.proceedsIds));
    for (const cost of plan.costs) {
      if (cost.paidFen === 0n) continue;
      await tx
        .update(dispositionCosts)
        .set({ paidFen: sql`${dispositionCosts.paidFen} + ${cost.paidFen}`, distributionId })
        .where(eq(dispositionCosts.id, cost.id));
    }
    for (const share of plan.shares) {
      if (share.amountFen === 0n) continue;
      await tx.insert(riskRecoveryShares).values({
        id: randomUUID(),
        caseId: row.caseId,
        source: 'disposition',
        distributionId,
        role: share.role,
        organisationId: share.party,
        claimId: share.claimId,
        amountFen: share.amountFen,
        sharedDate: today,
        createdAt: now,
      });
      if (share.claimId === null) continue;
      const [claim] = await tx.select().from(riskClaims).where(eq(riskClaims.id, share.claimId));
      const next = transitionClaim(claim!.state as ClaimStatus, 'record_recovery');
      if (!next.ok) throw new DomainError(next.code, next.params);
      await tx
        .update(riskClaims)
        .set({
          state: next.state,
          recoveredFen: sql`${riskClaims.recoveredFen} + ${share.amountFen}`,
          version: sql`${riskClaims.version} + 1`,
          updatedAt: now,
        })
        .where(eq(riskClaims.id, share.claimId));
    }
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'distribute_disposition',
        reasonCode: 'disposition_distributed',
        note: `处置款 ${formatYuan(plan.proceedsFen)} 元：先付费用 ${formatYuan(plan.costsPaidFen)} 元，净额 ${formatYuan(
          plan.netProceedsFen,
        )} 元按固定比例分配 ${plan.shares.map((s) => `${s.role} ${formatYuan(s.amountFen)} 元`).join('，')}${
          plan.surplusFen === 0n ? '' : `；超出损失部分 ${formatYuan(plan.surplusFen)} 元退还出质人`
        }`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.distributed',
        entityType: 'disposition_case',
        entityId: row.id,
        after: {
          distributionId,
          proceedsFen: plan.proceedsFen.toString(),
          costsPaidFen: plan.costsPaidFen.toString(),
          netProceedsFen: plan.netProceedsFen.toString(),
          surplusFen: plan.surplusFen.toString(),
          shares: plan.shares.map((s) => ({
            role: s.role,
            party: s.party,
            amountFen: s.amountFen.toString(),
          })),
        },
      },
      now,
    );
    return loadDispositionDetail(tx, updated);
  });
}
