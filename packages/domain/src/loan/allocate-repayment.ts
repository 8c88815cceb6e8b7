import { DomainError } from '../errors/index.ts';

/**
 * 还款冲销顺序 (repayment allocation order): `penaltyInterestPrincipal` = 先罚息、后利息、再本金 (penalty and
 * compound interest, then interest, then principal; the usual order for overdue loans), or `principalFirst` =
 * principal, then interest, then penalty.
 */
export type AllocationStrategy = 'penaltyInterestPrincipal' | 'principalFirst';

/** Amounts owed, in fen: penalty includes 复利 compound interest. */
export interface AmountsDue {
  readonly penaltyFen: bigint;
  readonly interestFen: bigint;
  readonly principalFen: bigint;
}

/** Input of {@link allocateRepayment}. */
export interface RepaymentInput {
  readonly paymentFen: bigint;
  readonly due: AmountsDue;
  readonly strategy: AllocationStrategy;
}

/** How one payment was applied: the parts, what was left unapplied, and what is still owed. */
export interface RepaymentAllocation {
  readonly penaltyFen: bigint;
  readonly interestFen: bigint;
  readonly principalFen: bigint;
  /** Paid beyond everything owed (to be refunded or held as prepayment): payment = parts + excess. */
  readonly excessFen: bigint;
  readonly remainingDue: AmountsDue;
}

/**
 * 还款冲销 (allocate a repayment) to penalty, interest and principal in the strategy's order; a partial
 * payment fills each bucket in turn. Conserves money to the fen: `payment = penalty + interest + principal +
 * excess`. Source: 银发〔2003〕251号 practice; the order is a product setting.
 * @throws DomainError('REPAYMENT_AMOUNT_INVALID') when the payment is not positive, ('OVERDUE_AMOUNT_INVALID')
 * when an amount owed is negative.
 */
export function allocateRepayment(input: RepaymentInput): RepaymentAllocation {
  if (input.paymentFen <= 0n) throw new DomainError('REPAYMENT_AMOUNT_INVALID');
  const { due } = input;
  if (due.penaltyFen < 0n || due.interestFen < 0n || due.principalFen < 0n)
    throw new DomainError('OVERDUE_AMOUNT_INVALID');

  const order: (keyof AmountsDue)[] =
    input.strategy === 'principalFirst'
      ? ['principalFen', 'interestFen', 'penaltyFen']
      : ['penaltyFen', 'interestFen', 'principalFen'];
  const applied: Record<keyof AmountsDue, bigint> = { penaltyFen: 0n, interestFen: 0n, principalFen: 0n };
  let left = input.paymentFen;
  for (const bucket of order) {
    const take = due[bucket] < left ? due[bucket] : left;
    applied[bucket] = take;
    left -= take;
  }
  return {
    ...applied,
    excessFen: left,
    remainingDue: {
      penaltyFen: due.penaltyFen - applied.penaltyFen,
      interestFen: due.interestFen - applied.interestFen,
      principalFen: due.principalFen - applied.principalFen,
    },
  };
}
