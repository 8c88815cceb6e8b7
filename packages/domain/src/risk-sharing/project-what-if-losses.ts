import { DomainError } from '../errors/domain-error.ts';
import { divideRounded } from '../money/divide-rounded.ts';
import { applyRate, compareRates, ZERO_RATE, type Rate } from '../money/rate.ts';
import type { PartyAmount } from './allocate-flat-split.ts';
import { allocateRecovery } from './allocate-recovery.ts';
import { allocateLayeredLossBase } from './calculate-layered-loss.ts';
import type { RiskRole, RiskSharingAgreement } from './risk-sharing-agreement.ts';

/** One loan of a what-if set: outstanding amounts, its contract rate (for interest during the lag), its agreement. */
export interface WhatIfLoan {
  readonly loanId: string;
  readonly outstandingPrincipalFen: bigint;
  readonly outstandingInterestFen: bigint;
  /** Contract annual rate; interest on principal accrues for `lagMonths` when the loss base includes interest. */
  readonly annualRate?: Rate;
  readonly agreement: RiskSharingAgreement;
}

/** 压力情景 (default scenario): share of exposure that defaults, share of the defaulted loss recovered, lag. */
export interface WhatIfScenario {
  readonly defaultRate: Rate;
  readonly recoveryRate: Rate;
  /** Months from default to recovery, during which interest keeps accruing (monthly basis: annual/12). */
  readonly lagMonths: number;
}

/** Input of {@link projectWhatIfLosses}. */
export interface WhatIfInput {
  readonly loans: readonly WhatIfLoan[];
  readonly scenario: WhatIfScenario;
  /** Remaining budget per pool party; a pool not listed is not budget-constrained. */
  readonly poolBudgets: readonly PartyAmount[];
}

/** One party's projected loss on one loan, or in total. */
export interface WhatIfPartyLoss {
  readonly role: RiskRole;
  readonly party: string;
  readonly grossBorneFen: bigint;
  readonly recoveredFen: bigint;
  readonly netLossFen: bigint;
}

/** One loan's projection. */
export interface WhatIfLoanProjection {
  readonly loanId: string;
  readonly lagInterestFen: bigint;
  readonly defaultedLossFen: bigint;
  readonly recoveryFen: bigint;
  /** Pool compensation the pool's budget could not pay (borne by the bank). */
  readonly poolShortfallFen: bigint;
  readonly parties: readonly WhatIfPartyLoss[];
}

/** The projection: per loan, per party in total, and each pool's remaining budget. */
export interface WhatIfProjection {
  readonly loans: readonly WhatIfLoanProjection[];
  readonly parties: readonly WhatIfPartyLoss[];
  readonly poolBudgetsRemaining: readonly PartyAmount[];
}

const ONE: Rate = { numerator: 1n, denominator: 1n };

function assertScenario(scenario: WhatIfScenario): void {
  const inUnit = (rate: Rate) => compareRates(rate, ZERO_RATE) >= 0 && compareRates(rate, ONE) <= 0;
  if (
    !inUnit(scenario.defaultRate) ||
    !inUnit(scenario.recoveryRate) ||
    !Number.isSafeInteger(scenario.lagMonths) ||
    scenario.lagMonths < 0
  ) {
    throw new DomainError('WHAT_IF_SCENARIO_INVALID');
  }
}

/**
 * 压力测试 (what-if projection): deterministic expected losses per party under one scenario, exact, no randomness.
 * Per loan, in the listed order:
 * 1. exposure `E` = principal, or principal + interest + lag interest when the agreement's base includes interest,
 *    lag interest = `principal × annual/12 × lagMonths`;
 * 2. defaulted loss `D = E × defaultRate`, rounded once half-up to the fen (the expected value of the loss);
 * 3. `D` split by the agreement's layers ({@link allocateLayeredLossBase}); the pool pays `min(its part, budget left)`
 *    and any shortfall stays with the bank;
 * 4. recovery `D × recoveryRate` (half-up) shared back pro rata to what each party bore ({@link allocateRecovery}).
 * Totals per party add up, to the fen, to Σ D − Σ recovery. Source: issue 8 item 7 (default rate, recovery rate,
 * lag; losses by party and the pool's remaining budget).
 * @throws DomainError WHAT_IF_SCENARIO_INVALID, RISK_LOSS_INVALID, VALIDATION_FAILED for an invalid agreement.
 */
export function projectWhatIfLosses(input: WhatIfInput): WhatIfProjection {
  assertScenario(input.scenario);
  const { defaultRate, recoveryRate, lagMonths } = input.scenario;
  const budgets = new Map(input.poolBudgets.map((budget) => [budget.party, budget.amountFen]));
  const totals = new Map<string, WhatIfPartyLoss>();

  const loans = input.loans.map((loan): WhatIfLoanProjection => {
    if (loan.outstandingPrincipalFen < 0n || loan.outstandingInterestFen < 0n)
      throw new DomainError('RISK_LOSS_INVALID');
    const withInterest = loan.agreement.lossBase === 'principal_and_interest';
    const annualRate = loan.annualRate ?? ZERO_RATE;
    // E = P + I + P·(a/12)·lag, kept as a fraction over 12·den(a); D = E·d rounded once.
    const exposureDenominator = 12n * annualRate.denominator;
    const exposureNumerator = withInterest
      ? (loan.outstandingPrincipalFen + loan.outstandingInterestFen) * exposureDenominator +
        loan.outstandingPrincipalFen * annualRate.numerator * BigInt(lagMonths)
      : loan.outstandingPrincipalFen * exposureDenominator;
    const lagInterestFen = withInterest
      ? divideRounded(
          loan.outstandingPrincipalFen * annualRate.numerator * BigInt(lagMonths),
          exposureDenominator,
          'halfUp',
        )
      : 0n;
    const defaultedLossFen = divideRounded(
      exposureNumerator * defaultRate.numerator,
      exposureDenominator * defaultRate.denominator,
      'halfUp',
    );

    const allocation = allocateLayeredLossBase(loan.agreement, defaultedLossFen);
    let poolShortfallFen = 0n;
    const borne = allocation.parts.map((part) => {
      if (part.role !== 'pool' || !budgets.has(part.party))
        return { role: part.role, party: part.party, amountFen: part.borneFen };
      const remainingFen = budgets.get(part.party) ?? 0n;
      const paidFen = part.borneFen < remainingFen ? part.borneFen : remainingFen;
      budgets.set(part.party, remainingFen - paidFen);
      poolShortfallFen = part.borneFen - paidFen;
      return { role: part.role, party: part.party, amountFen: paidFen };
    });
    const bank = borne.find((part) => part.role === 'bank');
    if (bank !== undefined) bank.amountFen += poolShortfallFen;

    const recoveryFen = applyRate(defaultedLossFen, recoveryRate, 'halfUp');
    const recovered =
      defaultedLossFen === 0n
        ? borne.map(() => 0n)
        : allocateRecovery(recoveryFen, borne).shares.map((share) => share.amountFen);
    const parties = borne.map((part, index) => {
      const recoveredFen = recovered[index] ?? 0n;
      const row = {
        role: part.role,
        party: part.party,
        grossBorneFen: part.amountFen,
        recoveredFen,
        netLossFen: part.amountFen - recoveredFen,
      };
      const total = totals.get(part.party);
      totals.set(
        part.party,
        total === undefined
          ? row
          : {
              ...total,
              grossBorneFen: total.grossBorneFen + row.grossBorneFen,
              recoveredFen: total.recoveredFen + recoveredFen,
              netLossFen: total.netLossFen + row.netLossFen,
            },
      );
      return row;
    });
    return { loanId: loan.loanId, lagInterestFen, defaultedLossFen, recoveryFen, poolShortfallFen, parties };
  });

  return {
    loans,
    parties: [...totals.values()],
    poolBudgetsRemaining: input.poolBudgets.map((budget) => ({
      party: budget.party,
      amountFen: budgets.get(budget.party) ?? 0n,
    })),
  };
}
