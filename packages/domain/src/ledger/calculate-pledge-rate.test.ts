import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import { compareRates, createRate } from '../money/index.ts';
import type { BankProduct } from './bank-product.ts';
import {
  assertPledgeRateWithinCap,
  calculatePledgeRate,
  type PledgeValuation,
} from './calculate-pledge-rate.ts';
import { demoBankProducts } from './demo-bank-products.ts';

const product = demoBankProducts[0] as BankProduct;
const report: PledgeValuation = {
  basis: 'formal_report',
  validUntil: '2026-12-31',
  assetValues: [{ assetId: 'pat-1', kind: 'invention_patent', valueFen: 10_000_000_00n }],
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${JSON.stringify(error.params)}`;
    throw error;
  }
  return 'none';
}

describe('calculatePledgeRate', () => {
  it('divides the loan by the value exactly: 2,000,000 on 10,000,000 is 1/5', () => {
    expect(calculatePledgeRate(2_000_000_00n, report)).toEqual({
      pledgeRate: createRate(1n, 5n),
      totalValueFen: 10_000_000_00n,
    });
  });

  it('uses the sum of the values for a portfolio', () => {
    const portfolio: PledgeValuation = {
      basis: 'formal_report',
      assetValues: [
        { assetId: 'a', kind: 'invention_patent', valueFen: 300n },
        { assetId: 'b', kind: 'trademark', valueFen: 700n },
      ],
    };
    expect(calculatePledgeRate(100n, portfolio).pledgeRate).toEqual(createRate(1n, 10n));
  });

  it('refuses a zero value', () => {
    expect(
      codeOf(() =>
        calculatePledgeRate(1n, {
          basis: 'formal_report',
          assetValues: [{ assetId: 'a', kind: 'trademark', valueFen: 0n }],
        }),
      ),
    ).toMatch(/^PLEDGE_VALUE_INVALID/);
  });
});

describe('assertPledgeRateWithinCap', () => {
  it('allows exactly the cap: 25 % of an invention patent valued 10,000,000.00 is 2,500,000.00', () => {
    expect(
      assertPledgeRateWithinCap({ loanAmountFen: 2_500_000_00n, valuation: report, product }),
    ).toMatchObject({ maxLoanFen: 2_500_000_00n, capRate: createRate(1n, 4n) });
  });

  it('refuses one fen over the cap with PLEDGE_RATE_OVER_CAP and the figures', () => {
    expect(
      codeOf(() => assertPledgeRateWithinCap({ loanAmountFen: 2_500_000_01n, valuation: report, product })),
    ).toBe(
      'PLEDGE_RATE_OVER_CAP {"pledgeRatePct":"25.01","capPct":"25.00","loanYuan":"2500000.01","valueYuan":"10000000.00","maxLoanYuan":"2500000.00"}',
    );
  });

  it('caps a mixed portfolio at the value-weighted cap: invention 25 % of 4 m + trademark 50 % of 6 m = 4 m', () => {
    const mixed: PledgeValuation = {
      basis: 'formal_report',
      assetValues: [
        { assetId: 'p', kind: 'invention_patent', valueFen: 4_000_000_00n },
        { assetId: 't', kind: 'trademark', valueFen: 6_000_000_00n },
      ],
    };
    expect(
      assertPledgeRateWithinCap({ loanAmountFen: 4_000_000_00n, valuation: mixed, product }).capRate,
    ).toEqual(createRate(2n, 5n));
    expect(
      codeOf(() => assertPledgeRateWithinCap({ loanAmountFen: 4_000_000_01n, valuation: mixed, product })),
    ).toMatch(/^PLEDGE_RATE_OVER_CAP/);
  });

  it("allows an internal evaluation only up to the product's limit, inclusive", () => {
    const internal: PledgeValuation = { ...report, basis: 'internal_evaluation' };
    expect(
      assertPledgeRateWithinCap({ loanAmountFen: 1_000_000_00n, valuation: internal, product }).pledgeRate,
    ).toEqual(createRate(1n, 10n));
    expect(
      codeOf(() => assertPledgeRateWithinCap({ loanAmountFen: 1_000_000_01n, valuation: internal, product })),
    ).toMatch(/^INTERNAL_EVALUATION_NOT_ALLOWED/);
  });

  it('refuses a valuation past its validity on the check date, and accepts it on its last valid day', () => {
    expect(
      assertPledgeRateWithinCap({ loanAmountFen: 1n, valuation: report, product, asOfDate: '2026-12-31' })
        .maxLoanFen,
    ).toBe(2_500_000_00n);
    expect(
      codeOf(() =>
        assertPledgeRateWithinCap({ loanAmountFen: 1n, valuation: report, product, asOfDate: '2027-01-01' }),
      ),
    ).toMatch(/^VALUATION_EXPIRED/);
  });

  it('refuses a kind the product sets no cap for', () => {
    const design: PledgeValuation = {
      basis: 'formal_report',
      assetValues: [{ assetId: 'd', kind: 'design_patent', valueFen: 100n }],
    };
    expect(
      codeOf(() => assertPledgeRateWithinCap({ loanAmountFen: 1n, valuation: design, product })),
    ).toMatch(/^PLEDGE_RATE_CAP_MISSING/);
  });

  it('property: passes exactly when loan ≤ the largest loan the values allow', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (loan, inventionValue, trademarkValue) => {
          const valuation: PledgeValuation = {
            basis: 'formal_report',
            assetValues: [
              { assetId: 'p', kind: 'invention_patent', valueFen: inventionValue },
              { assetId: 't', kind: 'trademark', valueFen: trademarkValue },
            ],
          };
          const allowed = loan * 10_000n <= inventionValue * 2500n + trademarkValue * 5000n;
          let passed = true;
          try {
            const check = assertPledgeRateWithinCap({ loanAmountFen: loan, valuation, product });
            expect(compareRates(check.pledgeRate, check.capRate)).toBeLessThanOrEqual(0);
            expect(loan).toBeLessThanOrEqual(check.maxLoanFen);
          } catch {
            passed = false;
          }
          expect(passed).toBe(allowed);
        },
      ),
    );
  });
});
