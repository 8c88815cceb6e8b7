import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { expertDrawHash, type ExpertDrawHashAlgorithm } from './expert-draw-hash.ts';
import { toExpertReviewViews, type ExpertReviewView } from './expert-review-view.ts';

export interface CreateExpertReviewInput {
  /** The financing case whose value evaluation is reviewed. */
  readonly caseNumber: string;
  /** The admitted evaluation firm whose valuation is reviewed. */
  readonly evaluatorOrganisationId: string;
  readonly reportedValueFen: bigint;
  readonly expertCount: number;
  /** Only experts covering one of these IPC prefixes are eligible (all when empty). */
  readonly requiredIpcPrefixes?: readonly string[];
  readonly valuationId?: string;
  readonly hashAlgorithm?: ExpertDrawHashAlgorithm;
}

/**
 * 发起复核认定: the city bureau opens a review of a case's value evaluation by an admitted firm and at once
 * publishes the commitment `hash(seed)` of a fresh 256-bit random seed that stays secret until the draw, so the
 * seed cannot be chosen after the pool is known. Audited with the commitment. Source: issue 7 item 7.
 */
export async function createExpertReview(
  input: CreateExpertReviewInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ExpertReviewView> {
  authorize(actor, 'expert_review.manage');
  if (!Number.isInteger(input.expertCount) || input.expertCount <= 0)
    throw new DomainError('VALUATION_EXPERT_COUNT_INVALID', { count: input.expertCount });
  if (input.reportedValueFen < 0n)
    throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'reportedValueYuan' });
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const [financingCase] = await tx
      .select({ id: tables.financingCases.id })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.caseNumber, input.caseNumber.trim()));
    if (financingCase === undefined) throw new DomainError('NOT_FOUND');
    const [admitted] = await tx
      .select({ id: tables.evaluatorAdmissions.id })
      .from(tables.evaluatorAdmissions)
      .where(
        and(
          eq(tables.evaluatorAdmissions.organisationId, input.evaluatorOrganisationId),
          eq(tables.evaluatorAdmissions.state, 'admitted'),
        ),
      );
    if (admitted === undefined) throw new DomainError('EVALUATOR_NOT_ADMITTED');

    const algorithm = input.hashAlgorithm ?? 'sha256';
    const seed = randomBytes(32).toString('hex');
    const id = randomUUID();
    const reviewNumber = `FH${toShanghaiDate(now).replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`;
    const [row] = await tx
      .insert(tables.expertReviews)
      .values({
        id,
        reviewNumber,
        caseId: financingCase.id,
        valuationId: input.valuationId ?? null,
        evaluatorOrganisationId: input.evaluatorOrganisationId,
        reportedValueFen: input.reportedValueFen,
        expertCount: input.expertCount,
        requiredIpcPrefixes: [
          ...new Set(
            (input.requiredIpcPrefixes ?? []).map((p) => p.trim().toUpperCase()).filter((p) => p !== ''),
          ),
        ],
        state: 'committed',
        hashAlgorithm: algorithm,
        seedCommitment: expertDrawHash(algorithm)(seed),
        seed,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'expert_review.committed',
        entityType: 'expert_review',
        entityId: id,
        after: {
          reviewNumber,
          caseId: financingCase.id,
          evaluatorOrganisationId: input.evaluatorOrganisationId,
          expertCount: input.expertCount,
          hashAlgorithm: algorithm,
          seedCommitment: row!.seedCommitment,
        },
      },
      now,
    );
    const [view] = await toExpertReviewViews(tx, [row!]);
    return view!;
  });
}
