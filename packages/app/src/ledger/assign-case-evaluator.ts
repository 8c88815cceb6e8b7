import { and, eq } from 'drizzle-orm';
import { tables, type Transaction } from '@ipf/db';
import { notify } from '../notifications/notify.ts';
import type { CaseRow } from './case-view.ts';

export interface AssignCaseEvaluatorInput {
  readonly row: CaseRow;
  /** The evaluation firm whose report the value step adopted. */
  readonly organisationId: string;
  /**
   * The firm's user who signed the report on record (`valuations.created_by_user_id`); null when the clerk named
   * the firm for a report entered by hand (nobody of the firm acted on the platform).
   */
  readonly signedByUserId: string | null;
}

/** The case's evaluator participant before and after the value step (organisation ids). */
export interface CaseEvaluatorChange {
  readonly previousOrganisationId: string | null;
  readonly organisationId: string;
}

/**
 * 评估机构参与案件: makes the evaluation firm whose report the value step (价值评估) adopted the case's
 * `evaluator` participant, inside the step's transaction. The firm signed the report, so it needs no acceptance
 * step (承保 is for guarantors and insurers): `acceptedAt` is now, by the report's signer. One evaluator per
 * case (`case_participants` is unique on case and role): a value step recorded again with another firm's report
 * moves the row to that firm, and the earlier firm no longer sees the case; the fees it recorded
 * (`fee_payments`) stay on record, counted for the enterprise's subsidy as before. A new firm is told (站内通知
 * `case_evaluator.assigned`, linking to 费用缴付 with the case chosen) that it may now record its fee.
 * Source: issue 9 item 1 (the payee institution records the fee on a case it takes part in); access.md
 * "Case parties" (an evaluator sees a case only while assigned to it).
 */
export async function assignCaseEvaluator(
  tx: Transaction,
  input: AssignCaseEvaluatorInput,
  now: Date,
): Promise<CaseEvaluatorChange> {
  const { caseParticipants } = tables;
  const [previous] = await tx
    .select({ organisationId: caseParticipants.organisationId })
    .from(caseParticipants)
    .where(and(eq(caseParticipants.caseId, input.row.id), eq(caseParticipants.role, 'evaluator')));
  const accepted = { acceptedAt: now, acceptedByUserId: input.signedByUserId };
  await tx
    .insert(caseParticipants)
    .values({
      caseId: input.row.id,
      role: 'evaluator',
      organisationId: input.organisationId,
      ...accepted,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [caseParticipants.caseId, caseParticipants.role],
      set: { organisationId: input.organisationId, ...accepted },
    });
  const change = {
    previousOrganisationId: previous?.organisationId ?? null,
    organisationId: input.organisationId,
  };
  if (change.previousOrganisationId === change.organisationId) return change;

  const [enterprise] = await tx
    .select({ nameZh: tables.organisations.nameZh, nameEn: tables.organisations.nameEn })
    .from(tables.organisations)
    .where(eq(tables.organisations.id, input.row.enterpriseId));
  await notify(
    tx,
    {
      to: { organisationId: input.organisationId },
      kind: 'case_evaluator.assigned',
      params: {
        caseNumber: input.row.caseNumber,
        enterpriseZh: enterprise?.nameZh ?? '',
        enterpriseEn: enterprise?.nameEn ?? '',
      },
      link: `/fee-payments?caseId=${input.row.id}`,
    },
    now,
  );
  return change;
}
