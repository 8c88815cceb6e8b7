import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacts, cost } from './__fixtures__/subsidy-facts-builder.ts';
import { evaluateSubsidies, toPriorPayments } from './evaluate-subsidies.ts';
import {
  CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
  FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
  NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
} from './example-subsidy-schemes.ts';
import type { CostPaid } from './subsidy-facts.ts';
import type { SubsidyCostKind, SubsidyScheme } from './subsidy-scheme.ts';

const COST_KINDS: readonly SubsidyCostKind[] = [
  'interest',
  'guarantee_fee',
  'insurance_premium',
  'evaluation_fee',
  'service_fee',
];
/** Both 南山 and 福田 apply to the fixture enterprise (a test-only widening of the districts). */
const nanshanAndFutian: SubsidyScheme = {
  ...NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
  eligibility: [
    {
      kind: 'district',
      basis: 'registration',
      districts: ['nanshan', 'futian'],
      source: NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.source,
    },
  ],
};

describe('evaluateSubsidies', () => {
  it('stacks 南山 70% and the city 50% on the same interest to exactly 100% of what was paid, never more', () => {
    const facts = buildFacts({ costsPaid: [cost('i1', 'interest', 10_000_00n, '2024-06-20')] });
    const [nanshan, city] = evaluateSubsidies([nanshanAndFutian, CITY_TECH_LOAN_SUBSIDY_EXAMPLE], facts, []);
    expect(nanshan?.totalFen).toBe(7_000_00n);
    expect(city?.totalFen).toBe(3_000_00n);
  });

  it('turns an evaluation into payment records covering the cost records it paid', () => {
    const facts = buildFacts({ costsPaid: [cost('i1', 'interest', 10_000_00n, '2024-06-20')] });
    const [evaluation] = evaluateSubsidies([CITY_TECH_LOAN_SUBSIDY_EXAMPLE], facts, []);
    expect(toPriorPayments(CITY_TECH_LOAN_SUBSIDY_EXAMPLE, evaluation!)).toEqual([
      {
        schemeId: CITY_TECH_LOAN_SUBSIDY_EXAMPLE.schemeId,
        excludesSchemeIds: [],
        loanId: 'loan-1',
        subsidyYear: 2024,
        line: 'interest',
        amountFen: 5_000_00n,
        coveredCosts: [{ costId: 'i1', amountFen: 5_000_00n }],
      },
    ]);
  });

  const costsArb = fc
    .array(
      fc.record({
        kind: fc.constantFrom(...COST_KINDS),
        amountFen: fc.bigInt(0n, 5_000_000_00n),
        month: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 8 },
    )
    .map((items) =>
      items.map((item, i): CostPaid =>
        cost(`c${i}`, item.kind, item.amountFen, `2024-${String(item.month).padStart(2, '0')}-20`),
      ),
    );
  const schemesArb = fc.shuffledSubarray(
    [nanshanAndFutian, CITY_TECH_LOAN_SUBSIDY_EXAMPLE, FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE],
    { minLength: 1 },
  );
  const firstLoanArb = fc.boolean();

  it('never pays an applicant more than the cost it paid, per cost record and in total, in any order of schemes', () => {
    fc.assert(
      fc.property(costsArb, schemesArb, firstLoanArb, (costsPaid, schemes, firstLoan) => {
        const facts = buildFacts({
          costsPaid,
          enterpriseFlags: {
            tech_sme: { value: true, proof: { kind: 'enterprise_profile', id: 'e' } },
            first_loan: { value: firstLoan, proof: { kind: 'enterprise_profile', id: 'e' } },
          },
        });
        const evaluations = evaluateSubsidies(schemes, facts, []);
        const covered = new Map<string, bigint>();
        for (const evaluation of evaluations) {
          for (const line of evaluation.lines) {
            expect(line.amountFen >= 0n).toBe(true);
            expect(line.coveredCosts.reduce((sum, c) => sum + c.amountFen, 0n)).toBe(line.amountFen);
            for (const c of line.coveredCosts)
              covered.set(c.costId, (covered.get(c.costId) ?? 0n) + c.amountFen);
          }
        }
        for (const paid of costsPaid) expect((covered.get(paid.costId) ?? 0n) <= paid.amountFen).toBe(true);
        const totalPaidFen = costsPaid.reduce((sum, c) => sum + c.amountFen, 0n);
        expect(evaluations.reduce((sum, e) => sum + e.totalFen, 0n) <= totalPaidFen).toBe(true);
      }),
    );
  });

  it('never lets a scheme exceed its per-firm yearly cap, whatever was paid before', () => {
    fc.assert(
      fc.property(costsArb, fc.bigInt(0n, 2_000_000_00n), (costsPaid, priorFen) => {
        const facts = buildFacts({ costsPaid });
        const before = {
          schemeId: nanshanAndFutian.schemeId,
          excludesSchemeIds: [],
          loanId: 'loan-0',
          subsidyYear: 2024,
          line: 'interest' as const,
          amountFen: priorFen,
          coveredCosts: [],
        };
        const [evaluation] = evaluateSubsidies([nanshanAndFutian], facts, [before]);
        expect(
          (evaluation?.totalFen ?? 0n) + priorFen <= (priorFen > 1_500_000_00n ? priorFen : 1_500_000_00n),
        ).toBe(true);
      }),
    );
  });
});
