import { eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { pushRoundBank, type WhitelistPushSummary } from './push-round-bank.ts';

export interface RunMonthlyWhitelistPushInput {
  /** Day of the month (1–28, Asia/Shanghai) from which the month's push is due. */
  readonly dayOfMonth: number;
}

export interface MonthlyWhitelistPushRun {
  readonly date: string;
  /** False before the configured day of the month. */
  readonly due: boolean;
  readonly pushes: readonly WhitelistPushSummary[];
}

/**
 * 定期推送 (the monthly push, issue 10 item 5 "on a schedule, e.g. monthly, Asia/Shanghai"): from the configured
 * day of the month on, every released round's whitelist is pushed to each of its banks with a built whitelist,
 * once per round × bank × month — a second run in the same month (a restart, another server) pushes nothing.
 * Runs as the system from the daily schedule.
 */
export async function runMonthlyWhitelistPush(
  input: RunMonthlyWhitelistPushInput,
  actor: Actor,
  deps: AppDeps,
): Promise<MonthlyWhitelistPushRun> {
  authorize(actor, 'whitelist.push_scheduled');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (Number(today.slice(8, 10)) < input.dayOfMonth) return { date: today, due: false, pushes: [] };
  const { whitelistRounds, whitelistRoundBanks } = tables;
  return runInTransaction(deps, async (tx) => {
    const roundBanks = await tx
      .select({
        id: whitelistRounds.id,
        roundNumber: whitelistRounds.roundNumber,
        bureauOrganisationId: whitelistRounds.bureauOrganisationId,
        bankId: whitelistRoundBanks.bankOrganisationId,
      })
      .from(whitelistRoundBanks)
      .innerJoin(whitelistRounds, eq(whitelistRounds.id, whitelistRoundBanks.roundId))
      .where(eq(whitelistRounds.state, 'released'))
      .orderBy(whitelistRounds.id, whitelistRoundBanks.bankOrganisationId);
    const pushes: WhitelistPushSummary[] = [];
    for (const rb of roundBanks) {
      const pushed = await pushRoundBank(
        tx,
        deps,
        actor,
        { round: rb, bankId: rb.bankId, trigger: 'schedule' },
        now,
        today,
      );
      if (pushed !== null) pushes.push(pushed);
    }
    return { date: today, due: true, pushes };
  });
}
