import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';
import { toWire } from './subsidy-wire.ts';
import { assertSchemeOpenForApplications } from './assert-scheme-open.ts';
import { defaultSubsidyYear } from './subsidy-views.ts';
import {
  LIVE_REWARD_STATES,
  assertRewardInstitution,
  evaluateStoredInstitutionReward,
  findInstitutionRewardCaseIds,
  getRewardSchemeRow,
  rewardLoanToStored,
  toRewardApplicationViews,
  type SubsidyRewardApplicationView,
} from './subsidy-reward-views.ts';
import { notifySubsidyRewardStep } from './notify-subsidy-reward-step.ts';

export interface CreateSubsidyRewardApplicationInput {
  readonly schemeVersionId: string;
  readonly rewardYear?: number;
  /** The loans claimed; by default every loan of the year with a reward due (the prefilled list). */
  readonly caseIds?: readonly string[];
}

/** The unmet conditions of a reward loan as `caseNumber condition:CODE`. */
function unmetOf(
  caseNumber: string,
  loan: {
    evaluation: {
      conditions: readonly { condition: string; met: boolean; reason: { code: string } | null }[];
    };
    claimConditions: readonly { condition: string; met: boolean; reason: { code: string } | null }[];
  },
): string {
  const unmet = [...loan.evaluation.conditions, ...loan.claimConditions].filter((c) => !c.met);
  return `${caseNumber} ${unmet.length === 0 ? 'amount 0' : unmet.map((c) => `${c.condition}:${c.reason?.code ?? ''}`).join(', ')}`;
}

/**
 * 奖励申请 (an institution applies for a reward): a bank's (guarantor's, insurer's, evaluator's) user applies under
 * a published reward scheme naming its kind of institution, within the application window, for one reward year
 * (default: the last ended), listing loans of that year its unit sees (NOT_FOUND for another's). The platform
 * fills each loan's facts and amount from the ledger (caps per institution per year counted over its live claims)
 * and refuses a loan claimed already (SUBSIDY_REWARD_LOAN_CLAIMED: a loan is rewarded once under a scheme — the
 * partial unique index decides two racing submissions) or with an unmet condition (SUBSIDY_NOT_ELIGIBLE), and an
 * application with nothing due (SUBSIDY_REWARD_NOTHING_DUE). Notifies the city bureau. Audited.
 * Source: issue 9 items 2, 4.
 */
export async function createSubsidyRewardApplication(
  input: CreateSubsidyRewardApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardApplicationView> {
  authorize(actor, 'subsidy_reward.apply');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const rewardYear = input.rewardYear ?? defaultSubsidyYear(today);
  return runInTransaction(deps, async (tx) => {
    const schemeRow = await getRewardSchemeRow(tx, input.schemeVersionId);
    const institution = assertRewardInstitution(actor, schemeRow);
    assertSchemeOpenForApplications(schemeRow, today);

    // One institution's claims are decided one at a time: the caps read the claims made before.
    await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, institution.institutionId))
      .for('update');
    const visible = await findInstitutionRewardCaseIds(tx, actor, institution, rewardYear);
    const chosen = input.caseIds === undefined ? visible : [...new Set(input.caseIds)];
    if (chosen.some((id) => !visible.includes(id))) throw new DomainError('NOT_FOUND');
    const { evaluation, factsByCase, caseNumbers } = await evaluateStoredInstitutionReward(tx, {
      schemeRow,
      institutionId: institution.institutionId,
      rewardYear,
      caseIds: chosen,
      asOfDate: today,
      priorStates: LIVE_REWARD_STATES,
    });
    const numberOf = (caseId: string) => caseNumbers.get(caseId) ?? caseId;
    if (input.caseIds !== undefined) {
      const claimed = evaluation.loans.find((l) =>
        l.claimConditions.some((c) => !c.met && c.condition === 'not_rewarded_before'),
      );
      if (claimed !== undefined)
        throw new DomainError('SUBSIDY_REWARD_LOAN_CLAIMED', { caseNumber: numberOf(claimed.loanId) });
      const unmet = evaluation.loans.filter((l) => !l.eligible);
      if (unmet.length > 0)
        throw new DomainError('SUBSIDY_NOT_ELIGIBLE', {
          conditions: unmet.map((l) => unmetOf(numberOf(l.loanId), l)).join('; '),
        });
    }
    const claimedLoans = evaluation.loans.filter((l) => l.eligible && l.amountFen > 0n);
    if (claimedLoans.length === 0 || (input.caseIds !== undefined && claimedLoans.length < chosen.length))
      throw new DomainError('SUBSIDY_REWARD_NOTHING_DUE', {
        conditions:
          evaluation.loans
            .filter((l) => !l.eligible || l.amountFen === 0n)
            .map((l) => unmetOf(numberOf(l.loanId), l))
            .join('; ') || '—',
      });
    const requestedFen = claimedLoans.reduce((sum, l) => sum + l.amountFen, 0n);

    const id = randomUUID();
    const applicationNumber = `JL${today.replaceAll('-', '')}${id.slice(0, 6).toUpperCase()}`;
    await tx.insert(tables.subsidyRewardApplications).values({
      id,
      applicationNumber,
      institutionId: institution.institutionId,
      applicantUnitId: actor.organisationId,
      beneficiary: institution.beneficiary,
      schemeVersionId: schemeRow.id,
      schemeId: schemeRow.schemeId,
      rewardYear,
      requestedFen,
      state: 'submitted',
      submittedByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    for (const [position, loan] of claimedLoans.entries()) {
      try {
        await tx.insert(tables.subsidyRewardLoans).values({
          id: randomUUID(),
          applicationId: id,
          schemeId: schemeRow.schemeId,
          caseId: loan.loanId,
          position,
          facts: toWire(factsByCase.get(loan.loanId)) as Record<string, unknown>,
          evaluation: rewardLoanToStored(loan),
          requestedFen: loan.amountFen,
          createdAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error, 'subsidy_reward_loans_live_uq')) throw error;
        throw new DomainError(
          'SUBSIDY_REWARD_LOAN_CLAIMED',
          { caseNumber: numberOf(loan.loanId) },
          { cause: error },
        );
      }
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_reward.submitted',
        entityType: 'subsidy_reward_application',
        entityId: id,
        before: null,
        after: {
          applicationNumber,
          schemeId: schemeRow.schemeId,
          version: schemeRow.version,
          institutionId: institution.institutionId,
          rewardYear,
          caseIds: claimedLoans.map((l) => l.loanId),
          requestedFen: requestedFen.toString(),
        },
      },
      now,
    );
    const [row] = await tx
      .select()
      .from(tables.subsidyRewardApplications)
      .where(eq(tables.subsidyRewardApplications.id, id));
    await notifySubsidyRewardStep(tx, row!, 'submitted', now);
    return (await toRewardApplicationViews(tx, [row!]))[0]!;
  });
}
