import { and, eq, ne } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

/** The facts of the claim trigger of a case: its loan's days overdue and its guarantee's trigger days. */
export interface ClaimTriggerFacts {
  readonly daysPastDue: number;
  readonly guarantorCompensationOverdueDays: number | null;
}

/**
 * 代偿触发事实: the loan account's 逾期天数 (as the daily servicing job last counted them; 0 without an account) and
 * the 代偿触发天数 of the case's live guarantee (null without one: its guarantor pays at default only).
 */
export async function findClaimTriggerFacts(executor: Executor, caseId: string): Promise<ClaimTriggerFacts> {
  const [account] = await executor
    .select({ daysPastDue: tables.loanAccounts.daysPastDue })
    .from(tables.loanAccounts)
    .where(eq(tables.loanAccounts.caseId, caseId));
  const [guarantee] = await executor
    .select({ compensationOverdueDays: tables.guarantees.compensationOverdueDays })
    .from(tables.guarantees)
    .where(and(eq(tables.guarantees.caseId, caseId), ne(tables.guarantees.state, 'cancelled')));
  return {
    daysPastDue: account?.daysPastDue ?? 0,
    guarantorCompensationOverdueDays: guarantee?.compensationOverdueDays ?? null,
  };
}
