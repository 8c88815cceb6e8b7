import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { handlePledgeAlert, type HandlePledgeAlertInput } from './handle-pledge-alert.ts';
import type { PledgeAlertView } from './pledge-alert-view.ts';

/** 确认预警: the pledgee has seen an open alert and is handling it (open → acknowledged); audited. Source: issue 6 item 5. */
export async function acknowledgePledgeAlert(
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
        action: 'pledge_alert.acknowledged',
        from: ['open'],
        patch: { state: 'acknowledged', acknowledgedByUserId: actor.userId, acknowledgedAt: now },
      },
      now,
    );
  });
}
