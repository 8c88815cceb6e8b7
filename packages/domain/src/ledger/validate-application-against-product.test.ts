import { describe, expect, it } from 'vitest';
import type { BankProduct } from './bank-product.ts';
import { demoBankProducts } from './demo-bank-products.ts';
import {
  validateApplicationAgainstProduct,
  type FinancingApplicationTerms,
} from './validate-application-against-product.ts';

const product = demoBankProducts[0] as BankProduct;
const application: FinancingApplicationTerms = {
  amountFen: 2_000_000_00n,
  termMonths: 12,
  repaymentMethod: 'annuity',
  spreadBps: 50,
  combinedModel: 'pledge_only',
  assets: [{ assetId: 'pat-1', kind: 'invention_patent' }],
};

describe('validateApplicationAgainstProduct', () => {
  it('finds no problem in an application inside every range of the product', () => {
    expect(validateApplicationAgainstProduct(application, product)).toEqual([]);
  });

  it('accepts the range bounds themselves (amount, term and spread ranges are inclusive)', () => {
    const low = {
      ...application,
      amountFen: product.minAmountFen,
      termMonths: product.minTermMonths,
      spreadBps: product.minSpreadBps,
    };
    const high = {
      ...application,
      amountFen: product.maxAmountFen,
      termMonths: product.maxTermMonths,
      spreadBps: product.maxSpreadBps,
    };
    expect(validateApplicationAgainstProduct(low, product)).toEqual([]);
    expect(validateApplicationAgainstProduct(high, product)).toEqual([]);
  });

  it('refuses an amount one fen above the product maximum, with the figures in yuan', () => {
    expect(
      validateApplicationAgainstProduct({ ...application, amountFen: product.maxAmountFen + 1n }, product),
    ).toEqual([
      {
        code: 'APPLICATION_AMOUNT_OUTSIDE_PRODUCT',
        field: 'amountFen',
        params: { amountYuan: '30000000.01', minYuan: '100000.00', maxYuan: '30000000.00' },
      },
    ]);
  });

  it('returns every problem at once: amount, term, method, spread, model and each unaccepted asset', () => {
    const bad: FinancingApplicationTerms = {
      amountFen: 1n,
      termMonths: 48,
      repaymentMethod: 'bullet',
      spreadBps: 151,
      combinedModel: 'plus_credit',
      assets: [
        { assetId: 'pat-1', kind: 'invention_patent' },
        { assetId: 'dsn-1', kind: 'design_patent' },
        { assetId: 'data-1', kind: 'data_ip' },
      ],
    };
    expect(validateApplicationAgainstProduct(bad, product).map((p) => `${p.code}@${p.field}`)).toEqual([
      'APPLICATION_AMOUNT_OUTSIDE_PRODUCT@amountFen',
      'APPLICATION_TERM_OUTSIDE_PRODUCT@termMonths',
      'APPLICATION_REPAYMENT_METHOD_NOT_OFFERED@repaymentMethod',
      'APPLICATION_SPREAD_OUTSIDE_PRODUCT@spreadBps',
      'APPLICATION_COMBINED_MODEL_NOT_OFFERED@combinedModel',
      'APPLICATION_IP_KIND_NOT_ACCEPTED@assets[1].kind',
      'APPLICATION_IP_KIND_NOT_ACCEPTED@assets[2].kind',
    ]);
  });

  it('refuses an application without assets to pledge', () => {
    expect(
      validateApplicationAgainstProduct({ ...application, assets: [] }, product).map((p) => p.code),
    ).toEqual(['APPLICATION_NO_ASSETS']);
  });

  it('treats an accepted kind without a pledge-rate cap as not accepted', () => {
    const noCap: BankProduct = { ...product, maxPledgeRateBpsByKind: {} };
    expect(validateApplicationAgainstProduct(application, noCap).map((p) => p.code)).toEqual([
      'APPLICATION_IP_KIND_NOT_ACCEPTED',
    ]);
  });
});
