import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { handlePledgeAlert, type HandlePledgeAlertInput } from './handle-pledge-alert.ts';
import type { PledgeAlertView } from './pledge-alert-view.ts';

/**
 * 处理完毕: the pledgee closes an open or acknowledged alert with a note of what it did (→ resolved); audited. A
 * resolved alert stays resolved: the scan never raises the same case, asset, kind and due date again. Source:
 * issue 6 item 5.
 */
export async function resolvePledgeAlert(
  input: HandlePledgeAlertInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PledgeAlertView> {
  const scope = authorize(actor, 'pledge_alert.handle');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    return handlePledgeAlert(
      tx,
      deps,
      actor,
      scope,
      input,
      {
        action: 'pledge_alert.resolved',
        from: ['open', 'acknowledged'],
        patch: { state: 'resolved', resolvedByUserId: actor.userId, resolvedAt: now },
      },
      now,
    );
  });
}
