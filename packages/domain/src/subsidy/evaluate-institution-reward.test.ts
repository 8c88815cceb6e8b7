import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacts } from './__fixtures__/subsidy-facts-builder.ts';
import { evaluateInstitutionReward } from './evaluate-institution-reward.ts';
import {
  BANK_FIRST_LOAN_REWARD_EXAMPLE,
  NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
} from './example-subsidy-schemes.ts';
import type { SubsidyFacts } from './subsidy-facts.ts';
import type { SubsidyScheme } from './subsidy-scheme.ts';

const profile = { kind: 'enterprise_profile', id: 'ent-1' } as const;

/** A first loan 首贷 of `principalFen` disbursed on `disbursedOn`, pledge registered. */
function firstLoan(loanId: string, principalFen: bigint, disbursedOn: string, isFirst = true): SubsidyFacts {
  const base = buildFacts();
  return {
    ...base,
    asOfDate: '2025-03-01',
    enterpriseFlags: { first_loan: { value: isFirst, proof: profile } },
    loan: {
      ...base.loan,
      loanId,
      principalFen: { value: principalFen, proof: { kind: 'contract', id: loanId } },
      disbursedOn: { value: disbursedOn, proof: { kind: 'ledger_entry', id: loanId } },
    },
  };
}

const withCap = (capFen: bigint): SubsidyScheme => ({
  ...BANK_FIRST_LOAN_REWARD_EXAMPLE,
  caps: [{ kind: 'per_firm_per_year', capFen, source: BANK_FIRST_LOAN_REWARD_EXAMPLE.source }],
});

describe('evaluateInstitutionReward', () => {
  it('rewards each first loan of the year 10,000 yuan plus 0.5% of principal, half-up to the fen', () => {
    const result = evaluateInstitutionReward({
      scheme: BANK_FIRST_LOAN_REWARD_EXAMPLE,
      rewardYear: 2024,
      loans: [firstLoan('a', 1_000_000_00n, '2024-03-01'), firstLoan('b', 123_456_789n, '2024-05-01')],
      claimedLoanIds: [],
      priorPayments: [],
    });
    // 1,000,000 × 0.5% = 5,000; 1,234,567.89 × 0.5% = 6,172.83945 → 6,172.84.
    expect(result.loans.map((l) => l.amountFen)).toEqual([15_000_00n, 10_000_00n + 6_172_84n]);
    expect(result.totalFen).toBe(15_000_00n + 16_172_84n);
  });

  it('leaves out a loan of another year, a loan already claimed and a loan that is not a first loan', () => {
    const result = evaluateInstitutionReward({
      scheme: BANK_FIRST_LOAN_REWARD_EXAMPLE,
      rewardYear: 2024,
      loans: [
        firstLoan('late', 1_000_000_00n, '2025-01-02'),
        firstLoan('claimed', 1_000_000_00n, '2024-02-01'),
        firstLoan('repeat', 1_000_000_00n, '2024-02-02', false),
        firstLoan('ok', 1_000_000_00n, '2024-02-03'),
      ],
      claimedLoanIds: ['claimed'],
      priorPayments: [],
    });
    const byId = new Map(result.loans.map((l) => [l.loanId, l]));
    expect(byId.get('late')!.claimConditions.find((c) => c.condition === 'disbursed_in_period')!.met).toBe(
      false,
    );
    expect(byId.get('claimed')!.claimConditions.find((c) => c.condition === 'not_rewarded_before')!.met).toBe(
      false,
    );
    expect(byId.get('repeat')!.evaluation.eligible).toBe(false);
    expect(result.loans.filter((l) => l.eligible).map((l) => l.loanId)).toEqual(['ok']);
    expect(result.totalFen).toBe(15_000_00n);
  });

  it('applies the cap per institution per year in disbursement order, counting what was granted before', () => {
    const result = evaluateInstitutionReward({
      scheme: withCap(40_000_00n),
      rewardYear: 2024,
      loans: [
        firstLoan('second', 1_000_000_00n, '2024-06-01'),
        firstLoan('first', 1_000_000_00n, '2024-01-10'),
      ],
      claimedLoanIds: [],
      priorPayments: [
        {
          schemeId: BANK_FIRST_LOAN_REWARD_EXAMPLE.schemeId,
          excludesSchemeIds: [],
          loanId: 'earlier',
          subsidyYear: 2024,
          line: 'loan_reward',
          amountFen: 20_000_00n,
          coveredCosts: [],
        },
      ],
    });
    expect(result.loans.map((l) => [l.loanId, l.amountFen])).toEqual([
      ['first', 15_000_00n],
      ['second', 5_000_00n],
    ]);
  });

  it('never grants an institution more than the cap in a year, whatever its loans (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10_000_000_000n }), { minLength: 1, maxLength: 12 }),
        fc.bigInt({ min: 0n, max: 20_000_000n }),
        (principals, capFen) => {
          const result = evaluateInstitutionReward({
            scheme: withCap(capFen),
            rewardYear: 2024,
            loans: principals.map((p, i) => firstLoan(`l${i}`, p, '2024-07-01')),
            claimedLoanIds: [],
            priorPayments: [],
          });
          expect(result.totalFen <= capFen).toBe(true);
          expect(result.totalFen).toBe(result.loans.reduce((sum, l) => sum + l.amountFen, 0n));
        },
      ),
    );
  });

  it('refuses a scheme that rewards enterprises', () => {
    expect(() =>
      evaluateInstitutionReward({
        scheme: NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
        rewardYear: 2024,
        loans: [],
        claimedLoanIds: [],
        priorPayments: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'SUBSIDY_SCHEME_INVALID' }));
  });
});
