import { and, desc, eq, like } from 'drizzle-orm';
import {
  decideCreditCommittee,
  type CreditCommitteeDecision,
  type CreditCommitteeVote,
} from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { BankProductRow } from './bank-product-view.ts';
import type { CaseRow } from './case-view.ts';

/** 贷审会委员: the bank's approvers (every unit of the bank); preparers attend but cannot vote. */
export async function findCommitteeMemberIds(executor: Executor, bankId: string): Promise<string[]> {
  const { memberships, organisations } = tables;
  const rows = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.role, 'bank_approver'), like(organisations.path, `/${bankId}/%`)));
  return [...new Set(rows.map((r) => r.userId))];
}

/** The committee's decision on a case from the votes recorded so far. */
export async function decideCaseCommittee(
  executor: Executor,
  row: CaseRow,
  product: BankProductRow,
): Promise<CreditCommitteeDecision> {
  const votes = await executor
    .select()
    .from(tables.creditCommitteeVotes)
    .where(eq(tables.creditCommitteeVotes.caseId, row.id))
    .orderBy(desc(tables.creditCommitteeVotes.votedAt));
  return decideCreditCommittee({
    memberUserIds: await findCommitteeMemberIds(executor, row.bankId),
    votes: votes.map((v) => ({ userId: v.memberUserId, vote: v.vote as CreditCommitteeVote })),
    rules: product.committeeRules,
    preparedByUserIds: row.preparedByUserIds,
  });
}
