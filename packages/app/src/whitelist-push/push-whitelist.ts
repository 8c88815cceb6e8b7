import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadReleasedRoundBank } from './load-whitelist-round.ts';
import { pushRoundBank, type WhitelistPushSummary } from './push-round-bank.ts';

export interface PushWhitelistInput {
  readonly roundId: string;
  readonly bankId: string;
}

/**
 * 按需推送 (push on demand, issue 10 item 5): the city bureau pushes a round's whitelist to one bank now. The bank
 * receives the identities and contacts of its whitelisted enterprises not pushed before — and no other bank does;
 * each becomes a lead on its ledger. A push with nothing new records a push of zero entries.
 */
export async function pushWhitelist(
  input: PushWhitelistInput,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistPushSummary> {
  authorize(actor, 'whitelist.push');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const { round, bankId } = await loadReleasedRoundBank(tx, input.roundId, input.bankId);
    const summary = await pushRoundBank(tx, deps, actor, { round, bankId, trigger: 'on_demand' }, now, today);
    return summary!;
  });
}
