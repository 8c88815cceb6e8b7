import { randomUUID } from 'node:crypto';
import { tables, type Executor } from '@ipf/db';
import type { DailyCharge } from './bring-charges-up-to-date.ts';

/** One posting: accrual, penalty (罚息) or compound (复利) interest of a loan for a business date. */
export interface LoanPosting {
  readonly businessDate: string;
  readonly kind: 'accrual' | 'penalty' | 'compound';
  readonly amountFen: bigint;
}

/** Sums the per-instalment charges of each day into that day's penalty and compound postings. */
export function chargePostings(charges: readonly DailyCharge[]): LoanPosting[] {
  const byDate = new Map<string, { penaltyFen: bigint; compoundFen: bigint }>();
  for (const c of charges) {
    const sum = byDate.get(c.date) ?? { penaltyFen: 0n, compoundFen: 0n };
    byDate.set(c.date, {
      penaltyFen: sum.penaltyFen + c.penaltyFen,
      compoundFen: sum.compoundFen + c.compoundFen,
    });
  }
  return [...byDate].flatMap(([businessDate, sum]) => [
    { businessDate, kind: 'penalty' as const, amountFen: sum.penaltyFen },
    { businessDate, kind: 'compound' as const, amountFen: sum.compoundFen },
  ]);
}

/**
 * 入账 (write postings) of a loan, zero amounts left out. The daily job's rows (no repayment) are unique per
 * loan, business date and kind, and a conflicting row is skipped, so a rerun can never post twice; charges
 * brought up to date by a repayment carry its id.
 */
export async function writeLoanPostings(
  tx: Executor,
  loanAccountId: string,
  postings: readonly LoanPosting[],
  repaymentId: string | null,
  at: Date,
): Promise<void> {
  const rows = postings
    .filter((p) => p.amountFen !== 0n)
    .map((p) => ({ id: randomUUID(), loanAccountId, repaymentId, postedAt: at, ...p }));
  if (rows.length === 0) return;
  if (repaymentId === null) await tx.insert(tables.loanPostings).values(rows).onConflictDoNothing();
  else await tx.insert(tables.loanPostings).values(rows);
}
