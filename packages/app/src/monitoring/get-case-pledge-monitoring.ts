import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { loadCasePledgeMonitoring, type CasePledgeMonitoringView } from './pledge-alert-view.ts';

/**
 * 押品监测 of one case: the secured amount including fees paid on behalf that the contract secures, those
 * payments, and the case's alerts; another bank's case is NOT_FOUND. Source: issue 6 item 5.
 */
export async function getCasePledgeMonitoring(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CasePledgeMonitoringView> {
  const scope = authorize(actor, 'pledge_alert.list');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  return loadCasePledgeMonitoring(deps.db, row.id);
}
