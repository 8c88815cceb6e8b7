import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { requiredApprovalLevel, type CreditCommitteeVote } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toBankProduct } from './bank-product-view.ts';
import { decideCaseCommittee, findCommitteeMemberIds } from './case-committee.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';

export interface VoteCreditCommitteeInput {
  readonly id: string;
  readonly vote: CreditCommitteeVote;
  readonly note?: string;
}

/**
 * 贷审会表决: a member votes on a credit-rated case whose amount is above the product's threshold. Refused:
 * non-members (CREDIT_COMMITTEE_VOTER_NOT_MEMBER), preparers (MAKER_CHECKER_VIOLATION), a second vote
 * (CREDIT_COMMITTEE_DUPLICATE_VOTE). The vote is on the timeline; the case stays `credit_rated`.
 */
export async function voteCreditCommittee(
  input: VoteCreditCommitteeInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail & { readonly committeeOutcome: string }> {
  const scope = authorize(actor, 'case.decide');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const [productRow] =
      row.productId === null
        ? []
        : await tx.select().from(tables.bankProducts).where(eq(tables.bankProducts.id, row.productId));
    const needed =
      row.state === 'credit_rated' &&
      productRow !== undefined &&
      row.amountFen !== null &&
      requiredApprovalLevel(row.amountFen, toBankProduct(productRow)).creditCommitteeRequired;
    if (!needed)
      throw new DomainError('CASE_ACTION_NOT_ALLOWED_IN_STATE', {
        action: 'committee_vote',
        state: row.state,
      });
    if (!(await findCommitteeMemberIds(tx, row.bankId)).includes(actor.userId))
      throw new DomainError('CREDIT_COMMITTEE_VOTER_NOT_MEMBER', { userId: actor.userId });
    if (row.preparedByUserIds.includes(actor.userId))
      throw new DomainError('MAKER_CHECKER_VIOLATION', { userId: actor.userId });
    const [inserted] = await tx
      .insert(tables.creditCommitteeVotes)
      .values({
        id: randomUUID(),
        caseId: row.id,
        memberUserId: actor.userId,
        vote: input.vote,
        note: input.note ?? null,
        votedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted === undefined)
      throw new DomainError('CREDIT_COMMITTEE_DUPLICATE_VOTE', { userId: actor.userId });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'committee_vote',
        to: row.state as 'credit_rated',
        reasonCode: input.vote,
        note: input.note ?? null,
      },
      now,
    );
    const decision = await decideCaseCommittee(tx, updated, productRow);
    return { ...(await loadCaseDetail(tx, updated, today)), committeeOutcome: decision.outcome };
  });
}
