import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction } from '@ipf/domain/ledger';
import { formatYuan } from '@ipf/domain/money';
import {
  assertClaimTrigger,
  calculateClaimEntitlement,
  DEFAULTED_CLAIM_STATES,
  getRiskLayer,
  type ClaimRole,
} from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findClaimLoanLoss } from './claim-loan-loss.ts';
import { findClaimTriggerFacts } from './find-claim-trigger-facts.ts';
import {
  appendClaimTimelineEvent,
  CLAIM_ROLE_ZH,
  findCaseAgreement,
  lockCaseRow,
  toRiskClaimViews,
  type RiskClaimView,
} from './risk-claim-view.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';

/**
 * Case states in which a claim on any payer may be filed: the loan is non-performing (states.md "default … claims
 * may start"); the guarantor may also be claimed from `overdue` past its guarantee's trigger (`assertClaimTrigger`).
 */
export const CLAIM_FILING_STATES: readonly string[] = DEFAULTED_CLAIM_STATES;

export interface FileRiskClaimInput {
  readonly caseId: string;
  readonly payerRole: ClaimRole;
  /** 申请材料 of the case (issue 5) attached as proof: ids of `case_attachments`. */
  readonly attachmentIds?: readonly string[];
  /** Documents held elsewhere (court judgment, collection notice): a name and a reference. */
  readonly externalDocuments?: readonly { readonly name: string; readonly ref: string }[];
  readonly note?: string;
  readonly idempotencyKey?: string;
}

const LIVE_CLAIM_INDEX = 'risk_claims_case_payer_live_uq';
const IDEMPOTENCY_INDEX = 'risk_claims_idempotency_uq';

/**
 * 发起代偿/理赔/补偿 (file a claim) on a defaulted case against one payer of its agreement: the bank clerk claims
 * from the guarantor (代偿), the insurer (理赔), an evaluator or the pool (补偿); the guarantor claims the
 * re-guarantee share after its compensation is paid. Claims start at default; the guarantor's 代偿 also once the
 * loan is overdue the days its guarantee names (e.g. 90; CLAIM_GUARANTEE_TRIGGER_NOT_REACHED before), the case
 * then staying `overdue` with the claim noted on its timeline. The amount is the payer's layer of the loan's loss on the
 * filing day (`calculateClaimEntitlement` on the agreement fixed at disbursement), never typed in. The case row is
 * locked first, so filings of one case queue; a second live claim on the same payer is RISK_CLAIM_DUPLICATE (the
 * partial unique index guarantees it across connections). The first claim moves the case to `compensating`
 * (the ledger's `file_claim`); every claim is on the case timeline and in the audit trail.
 * Source: issue 8 item 6; states.md "Claims and disposition".
 */
export async function fileRiskClaim(
  input: FileRiskClaimInput,
  actor: Actor,
  deps: AppDeps,
): Promise<RiskClaimView> {
  const scope = authorize(actor, 'risk_claim.file');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { riskClaims, caseAttachments } = tables;

  return runInTransaction(deps, async (tx) => {
    const byBank = actor.organisationKind === 'bank';
    const visible = byBank
      ? await getVisibleCase(tx, input.caseId, actor, scope)
      : await lockCaseRow(tx, input.caseId);
    const caseRow = await lockCaseRow(tx, visible.id);
    const stored = await findCaseAgreement(tx, caseRow.id);

    // The bank claims from every layer but the re-guarantee, which only the agreement's guarantor claims.
    const claimsReGuarantee = input.payerRole === 're_guarantor';
    if (!byBank && (stored === null || stored.agreement.guarantor?.party !== actor.organisationId))
      throw new DomainError('NOT_FOUND');
    if (byBank === claimsReGuarantee) throw new DomainError('FORBIDDEN', { operation: 'risk_claim.file' });
    const claimantOrganisationId = byBank ? caseRow.bankId : actor.organisationId;

    if (input.idempotencyKey !== undefined) {
      const [replayed] = await tx
        .select()
        .from(riskClaims)
        .where(
          and(
            eq(riskClaims.claimantOrganisationId, claimantOrganisationId),
            eq(riskClaims.idempotencyKey, input.idempotencyKey),
          ),
        );
      if (replayed !== undefined) return (await toRiskClaimViews(tx, [replayed]))[0]!;
    }

    if (!CLAIM_FILING_STATES.includes(caseRow.state))
      assertClaimTrigger({
        caseState: caseRow.state,
        payerRole: input.payerRole,
        ...(await findClaimTriggerFacts(tx, caseRow.id)),
      });
    if (stored === null) throw new DomainError('RISK_AGREEMENT_MISSING');
    const layer = getRiskLayer(stored.agreement, input.payerRole);
    if (layer === undefined)
      throw new DomainError('RISK_CLAIM_ROLE_NOT_IN_AGREEMENT', { role: input.payerRole });

    const [live] = await tx
      .select({ id: riskClaims.id })
      .from(riskClaims)
      .where(
        and(
          eq(riskClaims.caseId, caseRow.id),
          eq(riskClaims.payerRole, input.payerRole),
          ne(riskClaims.state, 'rejected'),
        ),
      );
    if (live !== undefined) throw new DomainError('RISK_CLAIM_DUPLICATE', { role: input.payerRole });
    if (claimsReGuarantee) {
      const [compensated] = await tx
        .select({ id: riskClaims.id })
        .from(riskClaims)
        .where(
          and(
            eq(riskClaims.caseId, caseRow.id),
            eq(riskClaims.payerRole, 'guarantor'),
            inArray(riskClaims.state, ['paid', 'recovered']),
          ),
        );
      if (compensated === undefined) throw new DomainError('CLAIM_REGUARANTEE_BEFORE_COMPENSATION');
    }

    const loss = await findClaimLoanLoss(tx, caseRow, today);
    const entitlement = calculateClaimEntitlement(stored.agreement, loss, input.payerRole);
    if (entitlement.amountFen === 0n) throw new DomainError('CLAIM_AMOUNT_ZERO', { role: input.payerRole });

    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    const attachments =
      attachmentIds.length === 0
        ? []
        : await tx
            .select({ id: caseAttachments.id, fileName: caseAttachments.fileName })
            .from(caseAttachments)
            .where(and(eq(caseAttachments.caseId, caseRow.id), inArray(caseAttachments.id, attachmentIds)));
    const missing = attachmentIds.find((id) => !attachments.some((a) => a.id === id));
    if (missing !== undefined) {
      throw new DomainError(
        'CLAIM_DOCUMENT_INVALID',
        { ref: missing },
        { problems: [{ code: 'CLAIM_DOCUMENT_INVALID', field: 'attachmentIds', params: { ref: missing } }] },
      );
    }
    const documents = [
      ...attachments.map((a) => ({ kind: 'case_attachment', name: a.fileName, ref: a.id })),
      ...(input.externalDocuments ?? []).map((d) => ({ kind: 'external', name: d.name, ref: d.ref })),
    ];

    const [numbered] = await tx
      .select({ n: count() })
      .from(riskClaims)
      .where(eq(riskClaims.caseId, caseRow.id));
    const claimNumber = `${caseRow.caseNumber}-LP${String(Number(numbered?.n ?? 0) + 1).padStart(2, '0')}`;
    const id = randomUUID();
    try {
      await tx.insert(riskClaims).values({
        id,
        claimNumber,
        caseId: caseRow.id,
        agreementId: stored.id,
        payerRole: input.payerRole,
        payerOrganisationId: entitlement.payerParty,
        claimantOrganisationId,
        poolFilingId: input.payerRole === 'pool' ? stored.poolFilingId : null,
        lossPrincipalFen: loss.principalFen,
        lossInterestFen: loss.interestFen,
        claimedFen: entitlement.amountFen,
        state: 'filed',
        documents,
        filedByUserId: actor.userId,
        idempotencyKey: input.idempotencyKey ?? null,
        filedDate: today,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error, LIVE_CLAIM_INDEX) || isUniqueViolation(error, IDEMPOTENCY_INDEX))
        throw new DomainError('RISK_CLAIM_DUPLICATE', { role: input.payerRole }, { cause: error });
      throw error;
    }

    const note = `${CLAIM_ROLE_ZH[input.payerRole] ?? input.payerRole} ${claimNumber}：申请 ${formatYuan(entitlement.amountFen)} 元`;
    if (caseRow.state === 'non_performing') {
      const to = assertCaseAction({
        state: caseRow.state,
        action: 'file_claim',
        actorRole: actor.role,
        actorUserId: actor.userId,
        preparedByUserIds: caseRow.preparedByUserIds,
      });
      await writeCaseTransition(
        tx,
        deps,
        actor,
        {
          row: caseRow,
          action: 'file_claim',
          to,
          reasonCode: `${input.payerRole}_claim`,
          note,
          ...(actor.role === 'bank_clerk'
            ? { patch: { preparedByUserIds: withPreparer(caseRow, actor.userId) } }
            : {}),
        },
        now,
      );
    } else {
      await appendClaimTimelineEvent(
        tx,
        actor,
        { caseId: caseRow.id, action: 'file_claim', reasonCode: `${input.payerRole}_claim`, note },
        now,
      );
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_claim.filed',
        entityType: 'risk_claim',
        entityId: id,
        after: {
          caseId: caseRow.id,
          claimNumber,
          payerRole: input.payerRole,
          payerOrganisationId: entitlement.payerParty,
          lossPrincipalFen: loss.principalFen.toString(),
          lossInterestFen: loss.interestFen.toString(),
          claimedFen: entitlement.amountFen.toString(),
          documents: documents.length,
          ...(input.note === undefined ? {} : { note: input.note }),
        },
      },
      now,
    );
    const [row] = await tx.select().from(riskClaims).where(eq(riskClaims.id, id));
    return (await toRiskClaimViews(tx, [row!]))[0]!;
  });
}
