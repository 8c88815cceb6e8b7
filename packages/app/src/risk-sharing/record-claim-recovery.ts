import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import {
  allocateRecovery,
  calculateLossBase,
  transitionClaim,
  type ClaimStatus,
  type PartyAmount,
} from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  appendClaimTimelineEvent,
  findCaseAgreement,
  lockCaseRow,
  type RiskClaimRow,
} from './risk-claim-view.ts';
import { loadOrganisationNames } from './risk-sharing-views.ts';

export interface RecordClaimRecoveryInput {
  readonly caseId: string;
  readonly amountYuan: string;
  /** 回款凭证 (e.g. a court enforcement receipt): one recovery is shared once. */
  readonly reference: string;
}

/** One party's part of a recovery on the wire. */
export interface RecoveryShareView {
  readonly id: string;
  readonly caseId: string;
  readonly source: string;
  readonly reference: string | null;
  readonly role: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly claimId: string | null;
  readonly amountYuan: string;
  readonly sharedDate: string;
}

/** 追偿返还 of one recovery: the amount, the parts per party (adding up to the shared amount), the surplus. */
export interface ClaimRecoveryView {
  readonly caseId: string;
  readonly reference: string;
  readonly recoveredYuan: string;
  readonly sharedYuan: string;
  /** Recovered above what the parties bore: returned to the pledgor, not shared. */
  readonly surplusYuan: string;
  readonly shares: RecoveryShareView[];
}

const { riskClaims, riskClaimPayments, riskRecoveryShares } = tables;

/** Views of recovery share rows with the organisations' names. */
export async function toRecoveryShareViews(
  executor: Parameters<typeof loadOrganisationNames>[0],
  rows: readonly (typeof riskRecoveryShares.$inferSelect)[],
): Promise<RecoveryShareView[]> {
  const names = await loadOrganisationNames(
    executor,
    rows.map((r) => r.organisationId),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    source: r.source,
    reference: r.recoveryReference,
    role: r.role,
    organisationId: r.organisationId,
    organisationName: names.get(r.organisationId) ?? '',
    claimId: r.claimId,
    amountYuan: formatYuan(r.amountFen),
    sharedDate: r.sharedDate,
  }));
}

/**
 * 追偿款按比例返还 (share a recovery back): money recovered on a case after claims were paid is split pro rata to
 * what each party still bears (`allocateRecovery`, largest remainder, the parts add up to the fen): the bank the
 * loss base less what it was paid, the guarantor its 代偿 less the re-guarantee it received, every other payer
 * what it paid, each less what earlier recoveries gave back. Each payer's part is linked to its claim (which
 * becomes `recovered`); the bank keeps its own part. The case row is locked, so recoveries of one case are shared
 * one after another. Source: issue 8 item 3 "recoveries shared back pro rata"; domain-reference.md.
 * @throws RECOVERY_BEFORE_PAYOUT when no claim is paid, RECOVERY_ALREADY_RECORDED for a reference shared before.
 */
export async function recordClaimRecovery(
  input: RecordClaimRecoveryInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ClaimRecoveryView> {
  const scope = authorize(actor, 'risk_recovery.record');
  const recoveredFen = parseYuan(input.amountYuan);
  if (recoveredFen <= 0n) {
    throw new DomainError(
      'RISK_LOSS_INVALID',
      {},
      { problems: [{ code: 'RISK_LOSS_INVALID', field: 'amountYuan' }] },
    );
  }
  const reference = input.reference.trim();
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const visible = await getVisibleCase(tx, input.caseId, actor, scope);
    const caseRow = await lockCaseRow(tx, visible.id);
    const [seen] = await tx
      .select({ id: riskRecoveryShares.id })
      .from(riskRecoveryShares)
      .where(
        and(eq(riskRecoveryShares.caseId, caseRow.id), eq(riskRecoveryShares.recoveryReference, reference)),
      );
    if (seen !== undefined) throw new DomainError('RECOVERY_ALREADY_RECORDED', { reference });
    const stored = await findCaseAgreement(tx, caseRow.id);
    const paid = await tx
      .select({ claim: riskClaims, paidFen: riskClaimPayments.amountFen })
      .from(riskClaims)
      .innerJoin(riskClaimPayments, eq(riskClaimPayments.claimId, riskClaims.id))
      .where(and(eq(riskClaims.caseId, caseRow.id), inArray(riskClaims.state, ['paid', 'recovered'])))
      .orderBy(asc(riskClaims.createdAt));
    if (stored === null || paid.length === 0) throw new DomainError('RECOVERY_BEFORE_PAYOUT');
    const { agreement } = stored;

    // What each party bears now: the loss base at the first paid claim, moved by every payment.
    const first = paid[0]!.claim;
    const lossBaseFen = calculateLossBase(agreement, {
      principalFen: first.lossPrincipalFen,
      interestFen: first.lossInterestFen,
    });
    const borne = new Map<string, bigint>([[agreement.bankParty, lossBaseFen]]);
    const claimOf = new Map<string, RiskClaimRow>();
    const roleOf = new Map<string, string>([[agreement.bankParty, 'bank']]);
    for (const { claim, paidFen } of paid) {
      borne.set(claim.payerOrganisationId, (borne.get(claim.payerOrganisationId) ?? 0n) + paidFen);
      borne.set(claim.claimantOrganisationId, (borne.get(claim.claimantOrganisationId) ?? 0n) - paidFen);
      claimOf.set(claim.payerOrganisationId, claim);
      roleOf.set(claim.payerOrganisationId, claim.payerRole);
    }
    const already = await tx
      .select({ organisationId: riskRecoveryShares.organisationId, amountFen: riskRecoveryShares.amountFen })
      .from(riskRecoveryShares)
      .where(eq(riskRecoveryShares.caseId, caseRow.id));
    for (const part of already)
      borne.set(part.organisationId, (borne.get(part.organisationId) ?? 0n) - part.amountFen);
    const basis: PartyAmount[] = [...borne.entries()]
      .filter(([, fen]) => fen > 0n)
      .map(([party, amountFen]) => ({ party, amountFen }));
    if (basis.length === 0) throw new DomainError('RECOVERY_BASIS_EMPTY');
    const allocation = allocateRecovery(recoveredFen, basis);

    const inserted: (typeof riskRecoveryShares.$inferSelect)[] = [];
    for (const share of allocation.shares) {
      const claim = claimOf.get(share.party);
      const [row] = await tx
        .insert(riskRecoveryShares)
        .values({
          id: randomUUID(),
          caseId: caseRow.id,
          source: 'recovery',
          recoveryReference: reference,
          role: roleOf.get(share.party) ?? 'bank',
          organisationId: share.party,
          claimId: claim?.id ?? null,
          amountFen: share.amountFen,
          sharedDate: today,
          createdAt: now,
        })
        .returning();
      inserted.push(row!);
      if (claim === undefined) continue;
      const next = transitionClaim(claim.state as ClaimStatus, 'record_recovery');
      if (!next.ok) throw new DomainError(next.code, next.params);
      await tx
        .update(riskClaims)
        .set({
          state: next.state,
          recoveredFen: sql`${riskClaims.recoveredFen} + ${share.amountFen}`,
          version: sql`${riskClaims.version} + 1`,
          updatedAt: now,
        })
        .where(eq(riskClaims.id, claim.id));
    }
    const sharedFen = recoveredFen - allocation.surplusFen;
    await appendClaimTimelineEvent(
      tx,
      actor,
      {
        caseId: caseRow.id,
        action: 'share_risk_recovery',
        reasonCode: 'recovery_shared',
        note: `追偿款 ${formatYuan(recoveredFen)} 元（凭证 ${reference}）按承担比例返还 ${allocation.shares.length} 方`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_recovery.shared',
        entityType: 'financing_case',
        entityId: caseRow.id,
        after: {
          reference,
          recoveredFen: recoveredFen.toString(),
          surplusFen: allocation.surplusFen.toString(),
          shares: allocation.shares.map((s) => ({ party: s.party, amountFen: s.amountFen.toString() })),
        },
      },
      now,
    );
    return {
      caseId: caseRow.id,
      reference,
      recoveredYuan: formatYuan(recoveredFen),
      sharedYuan: formatYuan(sharedFen),
      surplusYuan: formatYuan(allocation.surplusFen),
      shares: await toRecoveryShareViews(tx, inserted),
    };
  });
}
