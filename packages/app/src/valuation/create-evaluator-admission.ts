import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { loadEvaluatorDetail, type EvaluatorDetailView } from './evaluator-view.ts';

/** 入库申请: the firm's qualifications (at least two certified valuers sign a report, 《资产评估法》 art. 26). */
export interface CreateEvaluatorAdmissionInput {
  readonly licenceNumber: string;
  readonly certifiedValuers: readonly { readonly name: string; readonly certificateNumber: string }[];
  readonly fields: readonly string[];
  readonly documents: readonly string[];
}

/**
 * Fee sharing a new admission starts with until the bureau sets the firm's own: enterprise 50 %, bank 30 %,
 * subsidy 20 % (bps). Platform data; the bureau changes it per firm when it admits.
 */
export const DEFAULT_EVALUATION_FEE_SHARES = {
  enterpriseBps: 5000,
  bankBps: 3000,
  subsidyBps: 2000,
} as const;

const OPEN_STATES = ['applied', 'admitted', 'suspended'];

/**
 * 评估机构入库申请: an evaluation firm applies for admission to the registry with its licence, certified valuers,
 * fields and documents; one open admission per firm. Audited with a first history entry. Source: issue 7 item 6.
 */
export async function createEvaluatorAdmission(
  input: CreateEvaluatorAdmissionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<EvaluatorDetailView> {
  authorize(actor, 'evaluator.apply');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const { evaluatorAdmissions, evaluatorStatusHistory } = tables;
    const [open] = await tx
      .select({ state: evaluatorAdmissions.state })
      .from(evaluatorAdmissions)
      .where(
        and(
          eq(evaluatorAdmissions.organisationId, actor.organisationId),
          inArray(evaluatorAdmissions.state, OPEN_STATES),
        ),
      )
      .for('update');
    if (open !== undefined) throw new DomainError('EVALUATOR_ADMISSION_OPEN', { state: open.state });
    const id = randomUUID();
    const [row] = await tx
      .insert(evaluatorAdmissions)
      .values({
        id,
        organisationId: actor.organisationId,
        state: 'applied',
        licenceNumber: input.licenceNumber.trim(),
        certifiedValuers: input.certifiedValuers.map((v) => ({
          name: v.name.trim(),
          certificateNumber: v.certificateNumber.trim(),
        })),
        fields: [...input.fields],
        documents: [...input.documents],
        feeShareEnterpriseBps: DEFAULT_EVALUATION_FEE_SHARES.enterpriseBps,
        feeShareBankBps: DEFAULT_EVALUATION_FEE_SHARES.bankBps,
        feeShareSubsidyBps: DEFAULT_EVALUATION_FEE_SHARES.subsidyBps,
        appliedByUserId: actor.userId,
        appliedAt: now,
        updatedAt: now,
      })
      .returning()
      .catch((error: unknown) => {
        // Two applications at the same moment: the partial unique index lets one through.
        if (isUniqueViolation(error, 'evaluator_admissions_open_uq'))
          throw new DomainError('EVALUATOR_ADMISSION_OPEN', { state: 'applied' });
        throw error;
      });
    await tx.insert(evaluatorStatusHistory).values({
      id: randomUUID(),
      admissionId: id,
      fromState: null,
      toState: 'applied',
      reason: null,
      actorUserId: actor.userId,
      occurredAt: now,
    });
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'evaluator.applied',
        entityType: 'evaluator_admission',
        entityId: id,
        after: { state: 'applied', licenceNumber: row!.licenceNumber, valuers: row!.certifiedValuers.length },
      },
      now,
    );
    return loadEvaluatorDetail(tx, row!);
  });
}
