import { and, asc, eq } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { defaultSubsidyYear } from './subsidy-views.ts';
import {
  LIVE_REWARD_STATES,
  evaluateStoredInstitutionReward,
  findInstitutionRewardCaseIds,
  rewardInstitutionOf,
  rewardLoanToView,
  type RewardLoanView,
} from './subsidy-reward-views.ts';

export interface FindSubsidyRewardEligibilityInput {
  readonly schemeVersionId?: string;
  readonly rewardYear?: number;
}

/** One reward scheme for the institution: its loans of the year, each with its conditions, and the total. */
export interface SubsidyRewardEligibilityView {
  readonly schemeVersionId: string;
  readonly schemeId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly beneficiary: string;
  readonly rewardYear: number;
  readonly applicationFrom: string | null;
  readonly applicationTo: string | null;
  readonly totalYuan: string;
  readonly eligibleCount: number;
  readonly loans: RewardLoanView[];
}

/**
 * 奖励资格 (reward eligibility): for each published reward scheme naming the actor's kind of institution (or the one
 * chosen), the loans of the reward year the actor's unit sees (a bank's loans of its unit and the units below; a
 * guarantor's, insurer's or evaluation firm's cases), each with every condition met or not and the record proving
 * it, the amount after the caps per institution per year (the institution's claims so far counted) and the total.
 * The year defaults to the last calendar year ended. Source: issue 9 items 2, 3.
 */
export async function findSubsidyRewardEligibility(
  input: FindSubsidyRewardEligibilityInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyRewardEligibilityView[]> {
  authorize(actor, 'subsidy_reward.eligibility');
  const institution = rewardInstitutionOf(actor);
  if (institution === null) return [];
  const today = toShanghaiDate(deps.clock.now());
  const rewardYear = input.rewardYear ?? defaultSubsidyYear(today);
  const { subsidySchemes } = tables;
  const schemeRows = await deps.db
    .select()
    .from(subsidySchemes)
    .where(
      and(
        eq(subsidySchemes.state, 'published'),
        eq(subsidySchemes.beneficiary, institution.beneficiary),
        ...(input.schemeVersionId === undefined ? [] : [eq(subsidySchemes.id, input.schemeVersionId)]),
      ),
    )
    .orderBy(asc(subsidySchemes.schemeId));
  const caseIds = await findInstitutionRewardCaseIds(deps.db, actor, institution, rewardYear);
  const result: SubsidyRewardEligibilityView[] = [];
  for (const schemeRow of schemeRows) {
    const { evaluation, caseNumbers } = await evaluateStoredInstitutionReward(deps.db, {
      schemeRow,
      institutionId: institution.institutionId,
      rewardYear,
      caseIds,
      asOfDate: today,
      priorStates: LIVE_REWARD_STATES,
    });
    result.push({
      schemeVersionId: schemeRow.id,
      schemeId: schemeRow.schemeId,
      nameZh: schemeRow.nameZh,
      nameEn: schemeRow.nameEn,
      beneficiary: schemeRow.beneficiary,
      rewardYear,
      applicationFrom: schemeRow.applicationFrom,
      applicationTo: schemeRow.applicationTo,
      totalYuan: formatYuan(evaluation.totalFen),
      eligibleCount: evaluation.loans.filter((l) => l.eligible && l.amountFen > 0n).length,
      loans: evaluation.loans.map((l) => rewardLoanToView(l, caseNumbers.get(l.loanId) ?? '')),
    });
  }
  return result;
}
