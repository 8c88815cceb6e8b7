import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql, sum } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { allocateLargestRemainder } from '@ipf/domain/money';
import { reserveBudget, type SubsidyEvaluation } from '@ipf/domain/subsidy';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { unmetConditions } from './create-subsidy-application.ts';
import {
  evaluateStoredScheme,
  evaluationToWire,
  getApplicationForUpdate,
  toApplicationViews,
  type SubsidyApplicationView,
} from './subsidy-views.ts';
import { notifySubsidyStep } from './notify-subsidy-step.ts';

export interface ApproveSubsidyApplicationInput {
  readonly id: string;
  readonly expectedVersion?: number;
}

/** A part of a cost record the grant claims. */
interface CostClaim {
  readonly costId: string;
  readonly costKind: string;
  readonly claimedFen: bigint;
}

/**
 * What a grant claims of each cost: the evaluation's covered costs, or — when the budget granted less than the
 * amount — the grant split over the lines and then over each line's costs pro rata, by largest remainder.
 */
export function claimsOfGrant(evaluation: SubsidyEvaluation, grantedFen: bigint): CostClaim[] {
  const lines = evaluation.lines.filter((l) => l.amountFen > 0n && l.coveredCosts.length > 0);
  if (lines.length === 0 || grantedFen === 0n) return [];
  const lineParts =
    grantedFen === evaluation.totalFen
      ? lines.map((l) => l.amountFen)
      : allocateLargestRemainder(
          grantedFen,
          lines.map((l) => l.amountFen),
        );
  return lines.flatMap((line, i) => {
    const lineFen = lineParts[i] ?? 0n;
    const parts =
      lineFen === line.amountFen
        ? line.coveredCosts.map((c) => c.amountFen)
        : lineFen === 0n
          ? line.coveredCosts.map(() => 0n)
          : allocateLargestRemainder(
              lineFen,
              line.coveredCosts.map((c) => c.amountFen),
            );
    return line.coveredCosts
      .map((c, j) => ({ costId: c.costId, costKind: line.line, claimedFen: parts[j] ?? 0n }))
      .filter((c) => c.claimedFen > 0n);
  });
}

/**
 * 审批 (approve, the checker): a user other than the reviewers (SUBSIDY_MAKER_CHECKER_VIOLATION) approves a
 * reviewed application. Under the enterprise's row lock the amount is evaluated again on today's ledger and the
 * grants made since (caps, stacking, never more than 100% of a cost); under the budget rows' locks (scheme-wide
 * and the district's share) the amount is reserved first come first served (`reserveBudget`: in full, in part
 * under `grant_partial`, or SUBSIDY_BUDGET_EXHAUSTED), so two approvals racing for the last of a budget cannot
 * both be granted it. The grant claims its parts of each cost (`subsidy_cost_claims`). Audited.
 * Source: issue 9 items 1, 4 ("maker-checker approval", "budget … closes when used up", "no double payment").
 */
export async function approveSubsidyApplication(
  input: ApproveSubsidyApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  const scope = authorize(actor, 'subsidy_application.approve');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { subsidyApplications, subsidyBudgets, subsidyCostClaims, subsidySchemes } = tables;
  return runInTransaction(deps, async (tx) => {
    const row = await getApplicationForUpdate(tx, input.id, actor, scope);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new DomainError('CONFLICT');
    const [schemeRow] = await tx
      .select()
      .from(subsidySchemes)
      .where(eq(subsidySchemes.id, row.schemeVersionId));
    if (schemeRow === undefined) throw new DomainError('NOT_FOUND');
    const ready = schemeRow.requiresCityReview ? 'city_reviewed' : 'district_reviewed';
    if (row.state !== ready)
      throw new DomainError('SUBSIDY_TRANSITION_NOT_ALLOWED', { from: row.state, event: 'approve' });
    if (actor.userId === row.reviewedByUserId || actor.userId === row.cityReviewedByUserId)
      throw new DomainError('SUBSIDY_MAKER_CHECKER_VIOLATION');

    // One enterprise's grants are decided one at a time: caps and the 100% rule read the grants made before.
    await tx
      .select({ id: tables.enterprises.organisationId })
      .from(tables.enterprises)
      .where(eq(tables.enterprises.organisationId, row.enterpriseId))
      .for('update');
    const { scheme, evaluation, built } = await evaluateStoredScheme(tx, {
      schemeRow,
      caseId: row.caseId,
      asOfDate: today,
      subsidyYear: row.subsidyYear,
      declared: row.declared,
    });
    if (!evaluation.eligible || evaluation.totalFen === 0n)
      throw new DomainError('SUBSIDY_NOT_ELIGIBLE', { conditions: unmetConditions(evaluation) });

    const budgets = await tx
      .select()
      .from(subsidyBudgets)
      .where(
        and(
          eq(subsidyBudgets.schemeId, row.schemeId),
          inArray(subsidyBudgets.district, ['all', row.district]),
        ),
      )
      .orderBy(asc(subsidyBudgets.district))
      .for('update');
    let grantedFen = evaluation.totalFen;
    if (budgets.length > 0) {
      const remainingFen = budgets.map((b) => b.totalFen - b.usedFen).reduce((a, b) => (a < b ? a : b));
      const reservation = reserveBudget(remainingFen, evaluation.totalFen, scheme.budget.whenShort);
      if (reservation.outcome === 'refused') throw new DomainError('SUBSIDY_BUDGET_EXHAUSTED');
      grantedFen = reservation.grantedFen;
      for (const budget of budgets) {
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
    }

    const costPaid = new Map(built.facts.costsPaid.map((c) => [c.costId, c.amountFen]));
    for (const claim of claimsOfGrant(evaluation, grantedFen)) {
      const [claimed] = await tx
        .select({ fen: sum(subsidyCostClaims.claimedFen) })
        .from(subsidyCostClaims)
        .where(
          and(
            eq(subsidyCostClaims.caseId, row.caseId),
            eq(subsidyCostClaims.costId, claim.costId),
            isNull(subsidyCostClaims.releasedAt),
          ),
        );
      const paidFen = costPaid.get(claim.costId) ?? 0n;
      if (BigInt(claimed?.fen ?? '0') + claim.claimedFen > paidFen)
        throw new DomainError('SUBSIDY_COST_OVERCLAIMED', { costId: claim.costId });
      await tx.insert(subsidyCostClaims).values({
        id: randomUUID(),
        applicationId: row.id,
        caseId: row.caseId,
        schemeId: row.schemeId,
        costId: claim.costId,
        costKind: claim.costKind,
        costPaidFen: paidFen,
        claimedFen: claim.claimedFen,
        subsidyYear: row.subsidyYear,
        createdAt: now,
      });
    }

    const [updated] = await tx
      .update(subsidyApplications)
      .set({
        state: 'approved',
        grantedFen,
        evaluation: evaluationToWire(evaluation),
        approvedByUserId: actor.userId,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(subsidyApplications.id, row.id), eq(subsidyApplications.version, row.version)))
      .returning();
    if (updated === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_application.approved',
        entityType: 'subsidy_application',
        entityId: row.id,
        before: { state: row.state, version: row.version, requestedFen: row.requestedFen.toString() },
        after: {
          state: 'approved',
          version: updated.version,
          amountFen: evaluation.totalFen.toString(),
          grantedFen: grantedFen.toString(),
        },
      },
      now,
    );
    await notifySubsidyStep(tx, updated, 'approved', now);
    return (await toApplicationViews(tx, [updated]))[0]!;
  });
}
