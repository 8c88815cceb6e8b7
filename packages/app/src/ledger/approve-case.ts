import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import {
  assertCaseAction,
  assertPledgeRateWithinCap,
  requiredApprovalLevel,
  type CaseState,
} from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findApproverAuthorityLevel } from './approver-authority-level.ts';
import { toBankProduct } from './bank-product-view.ts';
import { decideCaseCommittee } from './case-committee.ts';
import { findCaseParticipantFacts } from './case-participants.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';

export interface ApproveCaseInput {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/**
 * 审批通过: the approver approves within its authority level (APPROVAL_AUTHORITY_INSUFFICIENT), never its own
 * preparation (MAKER_CHECKER_VIOLATION), above the product's threshold only after the credit committee approved
 * (CREDIT_COMMITTEE_APPROVAL_REQUIRED), only once the guarantor or insurer of a combined model accepted
 * (GUARANTEE_NOT_ACCEPTED / INSURANCE_NOT_ACCEPTED), and only while the valuation holds and the pledge rate is
 * within the cap.
 * Two approvers at once: the optimistic version lets one win, the other gets CONFLICT.
 */
export async function approveCase(input: ApproveCaseInput, actor: Actor, deps: AppDeps): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.decide');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const [productRow] =
      row.productId === null
        ? []
        : await tx.select().from(tables.bankProducts).where(eq(tables.bankProducts.id, row.productId));
    const product = productRow === undefined ? null : toBankProduct(productRow);
    const required =
      product === null || row.amountFen === null ? null : requiredApprovalLevel(row.amountFen, product);
    const authorityLevel = await findApproverAuthorityLevel(tx, actor.organisationId);
    const committee =
      required?.creditCommitteeRequired === true && productRow !== undefined
        ? await decideCaseCommittee(tx, row, productRow)
        : null;
    const participantFacts = await findCaseParticipantFacts(tx, row);
    const to = assertCaseAction({
      ...participantFacts,
      state: row.state as CaseState,
      action: 'approve',
      actorRole: actor.role,
      actorUserId: actor.userId,
      preparedByUserIds: row.preparedByUserIds,
      approverAuthorityLevel: authorityLevel,
      ...(required === null
        ? {}
        : {
            requiredApprovalLevel: required.level,
            creditCommitteeRequired: required.creditCommitteeRequired,
          }),
      creditCommitteeOutcome: committee?.outcome ?? null,
    });

    const [value] = await tx
      .select()
      .from(tables.caseEvaluations)
      .where(and(eq(tables.caseEvaluations.caseId, row.id), eq(tables.caseEvaluations.step, 'value')))
      .orderBy(desc(tables.caseEvaluations.recordedAt))
      .limit(1);
    if (value !== undefined && product !== null) {
      assertPledgeRateWithinCap({
        loanAmountFen: row.amountFen!,
        product,
        asOfDate: today,
        valuation: {
          basis: value.valueBasis as 'formal_report' | 'internal_evaluation',
          ...(value.validUntil === null ? {} : { validUntil: value.validUntil }),
          assetValues: (value.assetValues ?? []).map((a) => ({
            assetId: a.assetId,
            kind: a.kind as IpAssetKind,
            valueFen: BigInt(a.valueFen),
          })),
        },
      });
    }

    await tx.insert(tables.caseApprovals).values({
      id: randomUUID(),
      caseId: row.id,
      approverUserId: actor.userId,
      authorityLevel,
      requiredLevel: required?.level ?? null,
      decision: 'approved',
      note: input.note ?? null,
      decidedAt: now,
    });
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      { row, action: 'approve', to, expectedVersion: input.expectedVersion, note: input.note ?? null },
      now,
    );
    return loadCaseDetail(tx, updated, today);
  });
}
