import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRate, parseRatePct } from '../money/rate.ts';
import { agreementArb } from './__fixtures__/agreement-arbitrary.ts';
import { agreementFromFixture } from './__fixtures__/agreement-from-fixture.ts';
import shenzhen from './__fixtures__/layered-shenzhen-guarantee-reguarantee-pool.json' with { type: 'json' };
import { projectWhatIfLosses, type WhatIfLoan } from './project-what-if-losses.ts';
import type { RiskSharingAgreement } from './risk-sharing-agreement.ts';

const { agreement } = agreementFromFixture(shenzhen);
const loan = (loanId: string, principalFen: bigint, overrides: Partial<WhatIfLoan> = {}): WhatIfLoan => ({
  loanId,
  outstandingPrincipalFen: principalFen,
  outstandingInterestFen: 0n,
  agreement,
  ...overrides,
});

describe('projectWhatIfLosses', () => {
  it('projects expected losses per party: 10% default, 20% recovery on 1,000,000 under the Shenzhen layers', () => {
    const result = projectWhatIfLosses({
      loans: [loan('L1', 1_000_000_00n)],
      scenario: { defaultRate: parseRatePct('10'), recoveryRate: parseRatePct('20'), lagMonths: 6 },
      poolBudgets: [{ party: 'sz-city-pool', amountFen: 5_000_000_00n }],
    });
    expect(result.loans[0]?.defaultedLossFen).toBe(100_000_00n);
    expect(result.parties.map((p) => [p.party, p.grossBorneFen, p.recoveredFen, p.netLossFen])).toEqual([
      ['guarantor', 40_000_00n, 8_000_00n, 32_000_00n],
      ['sz-reguarantee-fund', 40_000_00n, 8_000_00n, 32_000_00n],
      ['sz-city-pool', 10_000_00n, 2_000_00n, 8_000_00n],
      ['bank', 10_000_00n, 2_000_00n, 8_000_00n],
    ]);
    expect(result.poolBudgetsRemaining).toEqual([{ party: 'sz-city-pool', amountFen: 4_990_000_00n }]);
  });

  it('adds interest accrued during the lag when the scheme’s loss base includes interest', () => {
    const withInterest: RiskSharingAgreement = { ...agreement, lossBase: 'principal_and_interest' };
    const result = projectWhatIfLosses({
      loans: [
        loan('L1', 1_200_000_00n, {
          outstandingInterestFen: 3_000_00n,
          annualRate: parseRatePct('3.45'),
          agreement: withInterest,
        }),
      ],
      scenario: { defaultRate: parseRatePct('100'), recoveryRate: parseRatePct('0'), lagMonths: 3 },
      poolBudgets: [],
    });
    // 1,200,000 × 3.45%/12 × 3 = 10,350.00; exposure 1,213,350.00.
    expect(result.loans[0]?.lagInterestFen).toBe(10_350_00n);
    expect(result.loans[0]?.defaultedLossFen).toBe(1_213_350_00n);
  });

  it('stops the pool paying when its budget runs out and leaves the shortfall with the bank', () => {
    const result = projectWhatIfLosses({
      loans: [loan('L1', 1_000_000_00n), loan('L2', 1_000_000_00n)],
      scenario: { defaultRate: parseRatePct('100'), recoveryRate: parseRatePct('0'), lagMonths: 0 },
      poolBudgets: [{ party: 'sz-city-pool', amountFen: 150_000_00n }],
    });
    expect(result.loans.map((l) => l.poolShortfallFen)).toEqual([0n, 50_000_00n]);
    expect(result.parties.find((p) => p.party === 'sz-city-pool')?.grossBorneFen).toBe(150_000_00n);
    expect(result.parties.find((p) => p.party === 'bank')?.grossBorneFen).toBe(250_000_00n);
    expect(result.poolBudgetsRemaining).toEqual([{ party: 'sz-city-pool', amountFen: 0n }]);
  });

  it('refuses rates outside 0–100% and a negative lag', () => {
    const scenario = { defaultRate: parseRatePct('101'), recoveryRate: parseRatePct('0'), lagMonths: 0 };
    expect(() => projectWhatIfLosses({ loans: [], scenario, poolBudgets: [] })).toThrow(
      expect.objectContaining({ code: 'WHAT_IF_SCENARIO_INVALID' }),
    );
    expect(() =>
      projectWhatIfLosses({
        loans: [],
        scenario: { ...scenario, defaultRate: parseRatePct('1'), lagMonths: -1 },
        poolBudgets: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'WHAT_IF_SCENARIO_INVALID' }));
  });

  it('always adds the parties’ net losses up to Σ defaulted − Σ recovered and never overdraws a pool budget', () => {
    const rateArb = fc.bigInt(0n, 10_000n).map((bps) => createRate(bps, 10_000n));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            agreement: agreementArb,
            principalFen: fc.bigInt(0n, 10n ** 10n),
            interestFen: fc.bigInt(0n, 10n ** 8n),
          }),
          { maxLength: 6 },
        ),
        rateArb,
        rateArb,
        fc.bigInt(0n, 10n ** 9n),
        (loans, defaultRate, recoveryRate, budgetFen) => {
          const result = projectWhatIfLosses({
            loans: loans.map((l, i) =>
              loan(`L${i}`, l.principalFen, {
                outstandingInterestFen: l.interestFen,
                agreement: l.agreement,
                annualRate: parseRatePct('3.45'),
              }),
            ),
            scenario: { defaultRate, recoveryRate, lagMonths: 2 },
            poolBudgets: [{ party: 'pool', amountFen: budgetFen }],
          });
          const defaulted = result.loans.reduce((sum, l) => sum + l.defaultedLossFen, 0n);
          const recovered = result.loans.reduce((sum, l) => sum + l.recoveryFen, 0n);
          expect(result.parties.reduce((sum, p) => sum + p.netLossFen, 0n)).toBe(defaulted - recovered);
          const poolPaid = result.parties.find((p) => p.party === 'pool')?.grossBorneFen ?? 0n;
          expect(result.poolBudgetsRemaining[0]?.amountFen).toBe(budgetFen - poolPaid);
          expect(poolPaid <= budgetFen).toBe(true);
        },
      ),
    );
  });
});
