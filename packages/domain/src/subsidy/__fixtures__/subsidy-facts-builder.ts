import type { CostPaid, SubsidyFacts } from '../subsidy-facts.ts';
import type { SubsidyCostKind } from '../subsidy-scheme.ts';

/** Test helper: a cost record proved by a ledger entry of the same id. */
export function cost(costId: string, kind: SubsidyCostKind, amountFen: bigint, paidOn: string): CostPaid {
  return { costId, kind, amountFen, paidOn, proof: { kind: 'ledger_entry', id: costId } };
}

/**
 * Test helper: a repaid 1,000,000.00 patent pledge loan of 12 months in 福田 and 南山 terms, every fact proved by
 * a platform record; override what a case needs.
 */
export function buildFacts(overrides: Partial<SubsidyFacts> = {}): SubsidyFacts {
  return {
    asOfDate: '2025-03-01',
    subsidyYear: 2024,
    registrationDistrict: { value: 'futian', proof: { kind: 'enterprise_profile', id: 'ent-1' } },
    taxDistrict: { value: 'futian', proof: { kind: 'upload', id: 'tax-cert-1' } },
    enterpriseFlags: {
      tech_sme: { value: true, proof: { kind: 'enterprise_profile', id: 'ent-1' } },
      first_loan: { value: false, proof: { kind: 'enterprise_profile', id: 'ent-1' } },
    },
    loan: {
      loanId: 'loan-1',
      principalFen: { value: 1_000_000_00n, proof: { kind: 'contract', id: 'contract-1' } },
      termMonths: { value: 12, proof: { kind: 'contract', id: 'contract-1' } },
      disbursedOn: { value: '2024-01-15', proof: { kind: 'ledger_entry', id: 'disb-1' } },
      pledgedIpKinds: { value: ['invention_patent'], proof: { kind: 'contract', id: 'pledge-contract-1' } },
      pledgeRegistered: { value: true, proof: { kind: 'registration_notice', id: 'reg-1' } },
      filedWithDistrictOn: { value: '2024-02-01', proof: { kind: 'filing', id: 'filing-1' } },
      fullyRepaidOn: { value: '2024-12-20', proof: { kind: 'payoff_certificate', id: 'payoff-1' } },
    },
    costsPaid: [],
    ...overrides,
  };
}
