import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import type { BankProduct } from './bank-product.ts';
import { demoBankProducts } from './demo-bank-products.ts';
import { requiredApprovalLevel } from './required-approval-level.ts';

const product = demoBankProducts[0] as BankProduct;

describe('requiredApprovalLevel', () => {
  it('gives the lowest level whose limit covers the amount, limits inclusive', () => {
    expect(requiredApprovalLevel(3_000_000_00n, product)).toEqual({
      level: 1,
      creditCommitteeRequired: false,
    });
    expect(requiredApprovalLevel(3_000_000_01n, product)).toEqual({
      level: 2,
      creditCommitteeRequired: false,
    });
    expect(requiredApprovalLevel(10_000_000_01n, product)).toEqual({
      level: 3,
      creditCommitteeRequired: true,
    });
  });

  it('sends amounts strictly above the committee threshold to the credit committee', () => {
    expect(requiredApprovalLevel(5_000_000_00n, product).creditCommitteeRequired).toBe(false);
    expect(requiredApprovalLevel(5_000_000_01n, product).creditCommitteeRequired).toBe(true);
  });

  it('never requires the committee when the product sets no threshold', () => {
    expect(requiredApprovalLevel(9_000_000_00n, demoBankProducts[1] as BankProduct)).toEqual({
      level: 2,
      creditCommitteeRequired: false,
    });
  });

  it('refuses an amount no configured level covers', () => {
    const capped: BankProduct = {
      ...product,
      approvalLevels: [{ level: 1, zh: '支行', en: 'Sub-branch', maxAmountFen: 100n }],
    };
    expect(() => requiredApprovalLevel(101n, capped)).toThrow(DomainError);
  });
});
