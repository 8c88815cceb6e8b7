import { describe, expect, it } from 'vitest';
import { cost, buildFacts } from './__fixtures__/subsidy-facts-builder.ts';
import { evaluateSubsidy, type SubsidyEvaluation } from './evaluate-subsidy.ts';
import {
  BANK_FIRST_LOAN_REWARD_EXAMPLE,
  CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
  FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
  NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
} from './example-subsidy-schemes.ts';
import type { PriorSubsidyPayment } from './subsidy-facts.ts';

const nanshanFacts = (
  costs = [
    cost('i1', 'interest', 10_000_00n, '2024-06-20'),
    cost('g1', 'guarantee_fee', 20_000_00n, '2024-01-20'),
  ],
) =>
  buildFacts({
    registrationDistrict: { value: 'nanshan', proof: { kind: 'enterprise_profile', id: 'ent-1' } },
    costsPaid: costs,
  });
const amounts = (evaluation: SubsidyEvaluation) =>
  Object.fromEntries(evaluation.lines.map((l) => [l.line, l.amountFen]));
const unmet = (evaluation: SubsidyEvaluation) =>
  evaluation.conditions.filter((c) => !c.met).map((c) => [c.condition, c.reason?.code]);
const prior = (overrides: Partial<PriorSubsidyPayment>): PriorSubsidyPayment => ({
  schemeId: 'x',
  excludesSchemeIds: [],
  loanId: 'loan-1',
  subsidyYear: 2024,
  line: 'interest',
  amountFen: 0n,
  coveredCosts: [],
  ...overrides,
});

describe('evaluateSubsidy — rate', () => {
  it('pays 南山 70% of interest and fees actually paid, rounded once half-up to the fen', () => {
    const evaluation = evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, nanshanFacts(), []);
    expect(evaluation.eligible).toBe(true);
    expect(amounts(evaluation)).toEqual({
      interest: 7_000_00n,
      guarantee_fee: 14_000_00n,
      insurance_premium: 0n,
      evaluation_fee: 0n,
    });
    expect(evaluation.totalFen).toBe(21_000_00n);
    // 0.15 × 70% = 0.105 → 0.11 (half-up, once)
    expect(
      amounts(
        evaluateSubsidy(
          NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
          nanshanFacts([cost('i1', 'interest', 15n, '2024-06-20')]),
          [],
        ),
      ).interest,
    ).toBe(11n);
  });

  it('pays the city 70% first-loan rate on interest instead of 50% when the first-loan flag is proved', () => {
    const costs = [cost('i1', 'interest', 10_000_00n, '2024-06-20')];
    expect(
      amounts(evaluateSubsidy(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, buildFacts({ costsPaid: costs }), [])).interest,
    ).toBe(5_000_00n);
    const firstLoan = buildFacts({
      costsPaid: costs,
      enterpriseFlags: {
        tech_sme: { value: true, proof: { kind: 'enterprise_profile', id: 'e' } },
        first_loan: { value: true, proof: { kind: 'enterprise_profile', id: 'e' } },
      },
    });
    const evaluation = evaluateSubsidy(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, firstLoan, []);
    expect(amounts(evaluation).interest).toBe(7_000_00n);
    expect(evaluation.lines[0]?.steps.find((s) => s.step === 'rate')?.parameter).toBe('70');
  });

  it('shows every step of a line in order with the clause applied', () => {
    const line = evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, nanshanFacts(), []).lines[0];
    expect(line?.steps.map((s) => [s.step, s.amountFen])).toEqual([
      ['cost_paid', 10_000_00n],
      ['rate', 7_000_00n],
      ['cap_per_firm_per_year', 7_000_00n],
      ['cost_not_yet_subsidised', 7_000_00n],
    ]);
    expect(line?.coveredCosts).toEqual([{ costId: 'i1', amountFen: 7_000_00n }]);
  });
});

describe('evaluateSubsidy — caps', () => {
  it('caps the city guarantee-fee subsidy at 300,000 a year, less what was paid that year', () => {
    const facts = buildFacts({ costsPaid: [cost('g1', 'guarantee_fee', 1_000_000_00n, '2024-03-01')] });
    expect(amounts(evaluateSubsidy(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, facts, [])).guarantee_fee).toBe(
      300_000_00n,
    );
    const paid = prior({
      schemeId: CITY_TECH_LOAN_SUBSIDY_EXAMPLE.schemeId,
      loanId: 'loan-0',
      line: 'guarantee_fee',
      amountFen: 250_000_00n,
    });
    expect(amounts(evaluateSubsidy(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, facts, [paid])).guarantee_fee).toBe(
      50_000_00n,
    );
  });

  it('caps 南山 at 1.5 m per firm per year across lines, split pro rata, counting the firm’s other loans', () => {
    const facts = nanshanFacts([
      cost('i1', 'interest', 3_000_000_00n, '2024-06-20'),
      cost('g1', 'guarantee_fee', 1_000_000_00n, '2024-06-20'),
    ]);
    expect(amounts(evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, facts, []))).toMatchObject({
      interest: 1_125_000_00n,
      guarantee_fee: 375_000_00n,
    });
    const paid = prior({
      schemeId: NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.schemeId,
      loanId: 'loan-0',
      amountFen: 1_400_000_00n,
    });
    expect(evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, facts, [paid]).totalFen).toBe(100_000_00n);
    const lastYear = prior({
      schemeId: NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.schemeId,
      loanId: 'loan-0',
      subsidyYear: 2023,
      amountFen: 1_500_000_00n,
    });
    expect(evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, facts, [lastYear]).totalFen).toBe(
      1_500_000_00n,
    );
  });

  it('caps the city scheme at 3 m per firm over its life', () => {
    const facts = buildFacts({ costsPaid: [cost('i1', 'interest', 400_000_00n, '2024-06-20')] });
    const earlier = [2021, 2022, 2023].map((subsidyYear) =>
      prior({
        schemeId: CITY_TECH_LOAN_SUBSIDY_EXAMPLE.schemeId,
        loanId: `old-${subsidyYear}`,
        subsidyYear,
        amountFen: 950_000_00n,
      }),
    );
    const evaluation = evaluateSubsidy(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, facts, earlier);
    expect(evaluation.totalFen).toBe(150_000_00n);
    expect(evaluation.lines[0]?.steps.find((s) => s.step === 'cap_per_firm_lifetime')?.amountFen).toBe(
      150_000_00n,
    );
  });

  it('counts 福田 fees only up to 4% of principal, then pays 50%', () => {
    const facts = buildFacts({
      costsPaid: [
        cost('i1', 'interest', 30_000_00n, '2024-12-20'),
        cost('g1', 'guarantee_fee', 30_000_00n, '2024-01-20'),
        cost('e1', 'evaluation_fee', 20_000_00n, '2024-01-10'),
      ],
    });
    const evaluation = evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, []);
    expect(amounts(evaluation)).toMatchObject({
      interest: 15_000_00n,
      guarantee_fee: 12_000_00n,
      evaluation_fee: 8_000_00n,
    });
    const guarantee = evaluation.lines.find((l) => l.line === 'guarantee_fee');
    expect(guarantee?.steps.map((s) => [s.step, s.amountFen]).slice(0, 3)).toEqual([
      ['cost_paid', 30_000_00n],
      ['counted_cost_limit', 24_000_00n],
      ['rate', 12_000_00n],
    ]);
  });
});

describe('evaluateSubsidy — trigger', () => {
  it('pays 福田 only after full repayment, counting the year of repayment', () => {
    const costs = [cost('i1', 'interest', 30_000_00n, '2024-12-20')];
    const { fullyRepaidOn: _repaid, ...open } = buildFacts().loan;
    const evaluation = evaluateSubsidy(
      FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
      buildFacts({ loan: open, costsPaid: costs }),
      [],
    );
    expect(evaluation.eligible).toBe(false);
    expect(evaluation.totalFen).toBe(0n);
    expect(unmet(evaluation)).toEqual([
      ['fully_repaid', 'SUBSIDY_CONDITION_NOT_REPAID'],
      ['trigger', 'SUBSIDY_CONDITION_NOT_REPAID'],
    ]);
    expect(
      evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, buildFacts({ costsPaid: costs }), []).subsidyYear,
    ).toBe(2024);
  });

  it('pays a per-year scheme once the year is over, on the costs paid in that year only', () => {
    const costs = [
      cost('i0', 'interest', 1_000_00n, '2023-12-20'),
      cost('i1', 'interest', 2_000_00n, '2024-06-20'),
      cost('i2', 'interest', 4_000_00n, '2025-01-20'),
    ];
    const open = evaluateSubsidy(
      CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
      buildFacts({ asOfDate: '2024-12-31', costsPaid: costs }),
      [],
    );
    expect(unmet(open)).toEqual([['trigger', 'SUBSIDY_CONDITION_YEAR_OPEN']]);
    expect(
      amounts(
        evaluateSubsidy(
          CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
          buildFacts({ asOfDate: '2025-01-01', costsPaid: costs }),
          [],
        ),
      ).interest,
    ).toBe(1_000_00n);
  });
});

describe('evaluateSubsidy — eligibility with proof', () => {
  it('shows each 福田 condition met with the record that proves it', () => {
    const evaluation = evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, buildFacts(), []);
    expect(evaluation.conditions.map((c) => [c.condition, c.met, c.proof?.id ?? null])).toEqual([
      ['scheme_in_effect', true, 'disb-1'],
      ['district', true, 'ent-1'],
      ['district', true, 'tax-cert-1'],
      ['pledged_ip_kinds', true, 'pledge-contract-1'],
      ['max_loan_term', true, 'contract-1'],
      ['pledge_registered', true, 'reg-1'],
      ['filed_with_district', true, 'filing-1'],
      ['fully_repaid', true, 'payoff-1'],
      ['trigger', true, 'payoff-1'],
      ['stacking', true, null],
    ]);
    expect(evaluation.conditions.every((c) => c.source.isExample)).toBe(true);
  });

  it('refuses a loan outside the district, with a trademark in the pledge, over 1 year or filed late, saying why', () => {
    const base = buildFacts();
    const facts = buildFacts({
      registrationDistrict: { value: 'nanshan', proof: { kind: 'enterprise_profile', id: 'ent-1' } },
      loan: {
        ...base.loan,
        pledgedIpKinds: { value: ['invention_patent', 'trademark'], proof: { kind: 'contract', id: 'p' } },
        termMonths: { value: 18, proof: { kind: 'contract', id: 'c' } },
        filedWithDistrictOn: { value: '2024-02-15', proof: { kind: 'filing', id: 'f' } },
      },
    });
    const evaluation = evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, []);
    expect(unmet(evaluation)).toEqual([
      ['district', 'SUBSIDY_CONDITION_DISTRICT'],
      ['pledged_ip_kinds', 'SUBSIDY_CONDITION_IP_KIND'],
      ['max_loan_term', 'SUBSIDY_CONDITION_TERM'],
      ['filed_with_district', 'SUBSIDY_CONDITION_FILING_LATE'],
    ]);
    expect(evaluation.conditions.find((c) => c.condition === 'filed_with_district')?.reason?.params).toEqual({
      filedOn: '2024-02-15',
      deadline: '2024-02-14',
    });
  });

  it('asks for an upload when the platform holds no record of a fact', () => {
    const { taxDistrict: _tax, ...withoutTax } = buildFacts();
    const condition = evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, withoutTax, []).conditions[2];
    expect(condition).toMatchObject({
      condition: 'district',
      met: false,
      proof: null,
      reason: { code: 'SUBSIDY_CONDITION_FACT_MISSING', params: { fact: 'taxDistrict' } },
    });
  });

  it('refuses a loan disbursed outside the scheme’s effective period', () => {
    const base = buildFacts();
    const facts = buildFacts({
      loan: { ...base.loan, disbursedOn: { value: '2023-12-31', proof: { kind: 'ledger_entry', id: 'd' } } },
    });
    expect(unmet(evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, []))[0]).toEqual([
      'scheme_in_effect',
      'SUBSIDY_CONDITION_NOT_IN_EFFECT',
    ]);
  });
});

describe('evaluateSubsidy — stacking', () => {
  it('refuses 福田 on a loan already subsidised by an excluded 福田 interest scheme, in either direction', () => {
    const facts = buildFacts({ costsPaid: [cost('i1', 'interest', 30_000_00n, '2024-12-20')] });
    const excluded = prior({ schemeId: 'futian-sci-tech-interest-subsidy', amountFen: 1_000_00n });
    expect(unmet(evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, [excluded]))).toEqual([
      ['stacking', 'SUBSIDY_CONDITION_EXCLUDED'],
    ]);
    const excluding = prior({
      schemeId: 'other',
      excludesSchemeIds: [FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE.schemeId],
      amountFen: 1_000_00n,
    });
    expect(evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, [excluding]).eligible).toBe(false);
    expect(
      evaluateSubsidy(FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE, facts, [{ ...excluded, loanId: 'loan-2' }])
        .eligible,
    ).toBe(true);
  });

  it('pays no more than what other schemes left of each cost record', () => {
    const facts = nanshanFacts([cost('i1', 'interest', 10_000_00n, '2024-06-20')]);
    const other = prior({
      schemeId: CITY_TECH_LOAN_SUBSIDY_EXAMPLE.schemeId,
      amountFen: 5_000_00n,
      coveredCosts: [{ costId: 'i1', amountFen: 5_000_00n }],
    });
    const line = evaluateSubsidy(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE, facts, [other]).lines[0];
    expect(line?.amountFen).toBe(5_000_00n);
    expect(line?.steps.at(-1)).toMatchObject({
      step: 'cost_not_yet_subsidised',
      amountFen: 5_000_00n,
      source: null,
    });
  });
});

describe('evaluateSubsidy — rewards to institutions', () => {
  it('rewards a bank per first loan and on volume in the same engine, within its yearly cap', () => {
    const first = buildFacts({
      enterpriseFlags: { first_loan: { value: true, proof: { kind: 'enterprise_profile', id: 'e' } } },
    });
    const evaluation = evaluateSubsidy(BANK_FIRST_LOAN_REWARD_EXAMPLE, first, []);
    expect(amounts(evaluation)).toEqual({ loan_reward: 10_000_00n, volume_reward: 5_000_00n });
    const nearCap = prior({
      schemeId: BANK_FIRST_LOAN_REWARD_EXAMPLE.schemeId,
      loanId: 'loan-0',
      line: 'loan_reward',
      amountFen: 490_000_00n,
    });
    expect(evaluateSubsidy(BANK_FIRST_LOAN_REWARD_EXAMPLE, first, [nearCap]).totalFen).toBe(10_000_00n);
    expect(evaluateSubsidy(BANK_FIRST_LOAN_REWARD_EXAMPLE, buildFacts(), []).eligible).toBe(false);
  });
});
