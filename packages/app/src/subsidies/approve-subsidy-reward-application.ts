import { and, asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { allocateLargestRemainder } from '@ipf/domain/money';
import { reserveBudget } from '@ipf/domain/subsidy';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  GRANTED_REWARD_STATES,
  evaluateStoredInstitutionReward,
  getRewardSchemeRow,
  rewardLoanToStored,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';
import { completeRewardApplicationStep, loadRewardApplicationForStep } from './reward-application-step.ts';

export interface ApproveSubsidyRewardApplicationInput {
  readonly id: string;
  readonly expectedVersion?: number;
}

/**
 * 审批 (approve a reward application, the checker): a bureau user other than the reviewer
 * (SUBSIDY_MAKER_CHECKER_VIOLATION) approves a reviewed application. Under the institution's row lock each loan is
 * evaluated again on today's ledger against the institution's grants so far (caps per institution per year), a
 * loan's grant never above what was requested; under the scheme budget's row lock the total is reserved first come
 * first served (`reserveBudget`: in full, in part under `grant_partial` split over the loans by largest remainder,
 * or SUBSIDY_BUDGET_EXHAUSTED), the same mechanism as subsidies, so the budget is never overdrawn. Notifies the
 * institution. Audited. Source: issue 9 items 2, 4.
 */
export async function approveSubsidyRewardApplication(
  input: ApproveSubsidyRewardApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  const scope = authorize(actor, 'subsidy_reward.approve');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { subsidyRewardLoans, subsidyBudgets } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await loadRewardApplicationForStep(tx, input, actor, scope, ['reviewed'], 'approve');
    if (actor.userId === row.reviewedByUserId) throw new DomainError('SUBSIDY_MAKER_CHECKER_VIOLATION');
    const schemeRow = await getRewardSchemeRow(tx, row.schemeVersionId);

    await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, row.institutionId))
      .for('update');
    const loans = await tx
      .select()
      .from(subsidyRewardLoans)
      .where(eq(subsidyRewardLoans.applicationId, row.id))
      .orderBy(asc(subsidyRewardLoans.position));
    const { scheme, evaluation } = await evaluateStoredInstitutionReward(tx, {
      schemeRow,
      institutionId: row.institutionId,
      rewardYear: row.rewardYear,
      caseIds: loans.map((l) => l.caseId),
      asOfDate: today,
      priorStates: GRANTED_REWARD_STATES,
      excludeApplicationId: row.id,
    });
    const dueFen = loans.map((loan) => {
      const current = evaluation.loans.find((l) => l.loanId === loan.caseId);
      const fen = current?.eligible === true ? current.amountFen : 0n;
      return fen < loan.requestedFen ? fen : loan.requestedFen;
    });
    const totalFen = dueFen.reduce((sum, fen) => sum + fen, 0n);
    if (totalFen === 0n) throw new DomainError('SUBSIDY_NOT_ELIGIBLE', { conditions: 'amount 0' });

    const budgets = await tx
      .select()
      .from(subsidyBudgets)
      .where(and(eq(subsidyBudgets.schemeId, row.schemeId), eq(subsidyBudgets.district, 'all')))
      .for('update');
    let grantedFen = totalFen;
    for (const budget of budgets) {
      const reservation = reserveBudget(budget.totalFen - budget.usedFen, totalFen, scheme.budget.whenShort);
      if (reservation.outcome === 'refused') throw new DomainError('SUBSIDY_BUDGET_EXHAUSTED');
      grantedFen = reservation.grantedFen;
      const [drawn] = await tx
        .update(subsidyBudgets)
        .set({ usedFen: sql`${subsidyBudgets.usedFen} + ${grantedFen}`, updatedAt: now })
        .where(
          and(
            eq(subsidyBudgets.id, budget.id),
            sql`${subsidyBudgets.usedFen} + ${grantedFen} <= ${subsidyBudgets.totalFen}`,
          ),
        )
        .returning({ id: subsidyBudgets.id });
      if (drawn === undefined) throw new DomainError('SUBSIDY_BUDGET_EXHAUSTED');
    }
    const grants = grantedFen === totalFen ? dueFen : allocateLargestRemainder(grantedFen, dueFen);
    for (const [i, loan] of loans.entries()) {
      const current = evaluation.loans.find((l) => l.loanId === loan.caseId);
      await tx
        .update(subsidyRewardLoans)
        .set({
          grantedFen: grants[i] ?? 0n,
          ...(current === undefined ? {} : { evaluation: rewardLoanToStored(current) }),
        })
        .where(eq(subsidyRewardLoans.id, loan.id));
    }

    return completeRewardApplicationStep(
      tx,
      row,
      'approved',
      { grantedFen, approvedByUserId: actor.userId },
      {
        before: { requestedFen: row.requestedFen.toString() },
        after: { amountFen: totalFen.toString(), grantedFen: grantedFen.toString() },
      },
      actor,
      deps,
      now,
    );
  });
}
