import { DomainError } from '../errors/index.ts';
import { formatYuan } from '../money/index.ts';
import type { BankProduct } from './bank-product.ts';

/** 审批要求 (what approving an amount needs): the lowest authority level that covers it and whether 贷审会 decides. */
export interface RequiredApproval {
  readonly level: number;
  readonly creditCommitteeRequired: boolean;
}

/**
 * 审批权限 (required approval level): the lowest level of the product's `approvalLevels` whose `maxAmountFen`
 * (inclusive; null = unbounded) covers `amountFen`, and whether the amount is strictly above the credit-committee
 * threshold. Example with the demo product: 3,000,000.00 yuan → level 1; 3,000,000.01 → level 2; 5,000,000.01 →
 * committee. Source: issue 5 item 4 (分级授权审批, 贷审会 for large amounts).
 * @throws DomainError('APPROVAL_LEVEL_NOT_CONFIGURED') when no level covers the amount.
 */
export function requiredApprovalLevel(amountFen: bigint, product: BankProduct): RequiredApproval {
  const levels = [...product.approvalLevels].sort((a, b) => a.level - b.level);
  const covering = levels.find((l) => l.maxAmountFen === null || amountFen <= l.maxAmountFen);
  if (covering === undefined)
    throw new DomainError('APPROVAL_LEVEL_NOT_CONFIGURED', {
      amountYuan: formatYuan(amountFen),
      productId: product.productId,
    });
  const threshold = product.creditCommitteeThresholdFen;
  return { level: covering.level, creditCommitteeRequired: threshold !== null && amountFen > threshold };
}
