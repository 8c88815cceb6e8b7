import { compareIsoDates, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors/domain-error.ts';
import { toPriorPayments } from './evaluate-subsidies.ts';
import { evaluateSubsidy, type SubsidyEvaluation } from './evaluate-subsidy.ts';
import type { FactProof, PriorSubsidyPayment, SubsidyFacts } from './subsidy-facts.ts';
import type { SubsidyBeneficiary, SubsidyScheme } from './subsidy-scheme.ts';

/** An institution that a reward scheme may name as its beneficiary. */
export type InstitutionBeneficiary = Exclude<SubsidyBeneficiary, 'enterprise'>;

/** Whether a scheme rewards institutions (奖励) rather than enterprises (贴息 贴费). */
export function isInstitutionReward(scheme: Pick<SubsidyScheme, 'beneficiary'>): boolean {
  return scheme.beneficiary !== 'enterprise';
}

/** A condition of the claim itself, beside the scheme's own: the loan's period and no earlier claim. */
export interface RewardClaimCondition {
  readonly condition: 'disbursed_in_period' | 'not_rewarded_before';
  readonly met: boolean;
  readonly proof: FactProof | null;
  readonly reason: { readonly code: string; readonly params: Readonly<Record<string, string>> } | null;
}

/** One loan of an institution's reward claim: the engine's evaluation, the claim's conditions and the amount. */
export interface InstitutionRewardLoan {
  readonly loanId: string;
  readonly disbursedOn: IsoDate;
  readonly principalFen: bigint;
  readonly evaluation: SubsidyEvaluation;
  readonly claimConditions: readonly RewardClaimCondition[];
  /** Every condition met (the scheme's and the claim's); the amount may still be 0 once a cap is used up. */
  readonly eligible: boolean;
  readonly amountFen: bigint;
}

/** 机构奖励测算 (an institution's reward for one period): each loan and the total. */
export interface InstitutionRewardEvaluation {
  readonly schemeId: string;
  readonly version: number;
  readonly rewardYear: number;
  readonly loans: readonly InstitutionRewardLoan[];
  readonly totalFen: bigint;
}

export interface EvaluateInstitutionRewardInput {
  readonly scheme: SubsidyScheme;
  readonly rewardYear: number;
  /** The facts of each loan the institution made (bank), guaranteed, insured or valued, from the ledger. */
  readonly loans: readonly SubsidyFacts[];
  /** Loans already claimed under the scheme by a live application (any institution). */
  readonly claimedLoanIds: readonly string[];
  /** What the scheme already granted this institution (caps per institution per year count it). */
  readonly priorPayments: readonly PriorSubsidyPayment[];
}

/**
 * 机构奖励测算 (evaluate a reward scheme for an institution and a year): the institution's loans in disbursement
 * order (then by id), each evaluated by the one subsidy engine ({@link evaluateSubsidy}: the scheme's conditions
 * proved from the ledger, `loan_reward` a fixed amount per loan, `volume_reward` principal × rate rounded half-up
 * to the fen) seeing the grants before it — the prior payments and the earlier loans of this claim — so the caps
 * "per firm" apply per institution per year. Two conditions of the claim are added: the loan was disbursed in the
 * reward year, and it is not claimed under the scheme already (a loan is rewarded once). Example (bank first-loan
 * example, cap 500,000 yuan): loans of 1,000,000 and 2,000,000 yuan → 10,000 + 5,000 and 10,000 + 10,000 yuan.
 * Source: issue 9 item 2 "rewards to institutions in the same engine: banks (e.g. per first loan or on volume)".
 * @throws DomainError SUBSIDY_SCHEME_INVALID when the scheme rewards enterprises.
 */
export function evaluateInstitutionReward(
  input: EvaluateInstitutionRewardInput,
): InstitutionRewardEvaluation {
  const { scheme, rewardYear } = input;
  if (!isInstitutionReward(scheme))
    throw new DomainError('SUBSIDY_SCHEME_INVALID', { detail: 'beneficiary enterprise' });
  const claimed = new Set(input.claimedLoanIds);
  const ordered = [...input.loans].sort(
    (a, b) =>
      compareIsoDates(a.loan.disbursedOn.value, b.loan.disbursedOn.value) ||
      (a.loan.loanId < b.loan.loanId ? -1 : a.loan.loanId > b.loan.loanId ? 1 : 0),
  );
  const paid: PriorSubsidyPayment[] = [...input.priorPayments];
  const loans = ordered.map((facts): InstitutionRewardLoan => {
    const { loan } = facts;
    const evaluation = evaluateSubsidy(scheme, { ...facts, subsidyYear: rewardYear }, paid);
    const inPeriod = parseIsoDate(loan.disbursedOn.value).year === rewardYear;
    const isClaimed = claimed.has(loan.loanId);
    const claimConditions: RewardClaimCondition[] = [
      {
        condition: 'disbursed_in_period',
        met: inPeriod,
        proof: loan.disbursedOn.proof,
        reason: inPeriod
          ? null
          : {
              code: 'SUBSIDY_CONDITION_NOT_IN_PERIOD',
              params: { date: loan.disbursedOn.value, year: String(rewardYear) },
            },
      },
      {
        condition: 'not_rewarded_before',
        met: !isClaimed,
        proof: null,
        reason: isClaimed ? { code: 'SUBSIDY_CONDITION_ALREADY_REWARDED', params: {} } : null,
      },
    ];
    const eligible = evaluation.eligible && inPeriod && !isClaimed;
    if (eligible) paid.push(...toPriorPayments(scheme, evaluation));
    return {
      loanId: loan.loanId,
      disbursedOn: loan.disbursedOn.value,
      principalFen: loan.principalFen.value,
      evaluation,
      claimConditions,
      eligible,
      amountFen: eligible ? evaluation.totalFen : 0n,
    };
  });
  return {
    schemeId: scheme.schemeId,
    version: scheme.version,
    rewardYear,
    loans,
    totalFen: loans.reduce((sum, l) => sum + l.amountFen, 0n),
  };
}
