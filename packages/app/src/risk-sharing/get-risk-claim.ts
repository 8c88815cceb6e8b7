import { asc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toRecoveryShareViews, type RecoveryShareView } from './record-claim-recovery.ts';
import { getVisibleClaimRow, toRiskClaimViews, type RiskClaimView } from './risk-claim-view.ts';

/** 理赔详情: the claim, its payment, and the recoveries shared back to its payer. */
export interface RiskClaimDetail extends RiskClaimView {
  readonly recoveries: RecoveryShareView[];
}

/** 理赔详情 of a claim the actor sees (else NOT_FOUND). Source: issue 8 item 6. */
export async function getRiskClaim(id: string, actor: Actor, deps: AppDeps): Promise<RiskClaimDetail> {
  const scope = authorize(actor, 'risk_claim.read');
  const row = await getVisibleClaimRow(deps.db, id, actor, scope);
  const shares = await deps.db
    .select()
    .from(tables.riskRecoveryShares)
    .where(eq(tables.riskRecoveryShares.claimId, row.id))
    .orderBy(asc(tables.riskRecoveryShares.createdAt));
  const [view] = await toRiskClaimViews(deps.db, [row]);
  return { ...view!, recoveries: await toRecoveryShareViews(deps.db, shares) };
}
