import { asc, desc, eq } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import {
  calculateClaimEntitlement,
  calculateLossBase,
  CLAIM_ROLES,
  getRiskLayer,
  isClaimTriggerReached,
  type LoanLoss,
} from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findClaimLoanLoss } from './claim-loan-loss.ts';
import { CLAIM_FILING_STATES } from './file-risk-claim.ts';
import { findClaimTriggerFacts } from './find-claim-trigger-facts.ts';
import { toRecoveryShareViews, type RecoveryShareView } from './record-claim-recovery.ts';
import { findCaseAgreement, toRiskClaimViews, type RiskClaimView } from './risk-claim-view.ts';
import { loadOrganisationNames } from './risk-sharing-views.ts';

/** One payer of the case's agreement: what a claim filed today would ask, and its live claim if any. */
export interface CaseClaimPayerView {
  readonly role: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly claimableYuan: string | null;
  readonly liveClaimId: string | null;
  readonly liveClaimState: string | null;
}

/** 案件理赔: the loss today, each payer with its claimable amount, the case's claims and recoveries shared back. */
export interface CaseClaimsView {
  readonly caseId: string;
  readonly caseState: string;
  /** Whether the case is in a state where claims may be filed (non-performing or later in the workout). */
  readonly filingOpen: boolean;
  readonly hasAgreement: boolean;
  readonly lossBase: string | null;
  readonly loss: { principalYuan: string; interestYuan: string; lossBaseYuan: string } | null;
  readonly payers: CaseClaimPayerView[];
  readonly claims: RiskClaimView[];
  readonly recoveries: RecoveryShareView[];
}

/**
 * 案件理赔面板 (the case page's claims panel): read like the case; the payers come from the agreement fixed at
 * disbursement and their amounts from the loan's loss today (`calculateClaimEntitlement`), so the bank clerk sees
 * what each claim will ask before filing it. Source: issue 8 items 6, 8 ("ledger timeline shows every claim").
 */
export async function getCaseClaims(caseId: string, actor: Actor, deps: AppDeps): Promise<CaseClaimsView> {
  const scope = authorize(actor, 'risk_claim.case');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  const today = toShanghaiDate(deps.clock.now());
  const stored = await findCaseAgreement(deps.db, row.id);
  const claimRows = await deps.db
    .select()
    .from(tables.riskClaims)
    .where(eq(tables.riskClaims.caseId, row.id))
    .orderBy(desc(tables.riskClaims.createdAt));
  const shareRows = await deps.db
    .select()
    .from(tables.riskRecoveryShares)
    .where(eq(tables.riskRecoveryShares.caseId, row.id))
    .orderBy(asc(tables.riskRecoveryShares.createdAt));
  const [account] = await deps.db
    .select({ id: tables.loanAccounts.id })
    .from(tables.loanAccounts)
    .where(eq(tables.loanAccounts.caseId, row.id));
  const loss: LoanLoss | null = account === undefined ? null : await findClaimLoanLoss(deps.db, row, today);

  const payers: CaseClaimPayerView[] = [];
  if (stored !== null) {
    const layers = CLAIM_ROLES.flatMap((role) => {
      const layer = getRiskLayer(stored.agreement, role);
      return layer === undefined ? [] : [{ role, party: layer.party }];
    });
    const names = await loadOrganisationNames(
      deps.db,
      layers.map((l) => l.party),
    );
    for (const { role, party } of layers) {
      const live = claimRows.find((c) => c.payerRole === role && c.state !== 'rejected');
      payers.push({
        role,
        partyId: party,
        partyName: names.get(party) ?? '',
        claimableYuan:
          loss === null
            ? null
            : formatYuan(calculateClaimEntitlement(stored.agreement, loss, role).amountFen),
        liveClaimId: live?.id ?? null,
        liveClaimState: live?.state ?? null,
      });
    }
  }
  return {
    caseId: row.id,
    caseState: row.state,
    filingOpen:
      CLAIM_FILING_STATES.includes(row.state) ||
      isClaimTriggerReached({
        caseState: row.state,
        payerRole: 'guarantor',
        ...(await findClaimTriggerFacts(deps.db, row.id)),
      }),
    hasAgreement: stored !== null,
    lossBase: stored?.agreement.lossBase ?? null,
    loss:
      loss === null
        ? null
        : {
            principalYuan: formatYuan(loss.principalFen),
            interestYuan: formatYuan(loss.interestFen),
            lossBaseYuan:
              stored === null
                ? formatYuan(loss.principalFen)
                : formatYuan(calculateLossBase(stored.agreement, loss)),
          },
    payers,
    claims: await toRiskClaimViews(deps.db, claimRows),
    recoveries: await toRecoveryShareViews(deps.db, shareRows),
  };
}
