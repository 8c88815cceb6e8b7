import { asc, eq } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Transaction } from '@ipf/db';
import { notify } from '../notifications/notify.ts';
import type { SubsidyRewardApplicationRow } from './subsidy-reward-views.ts';

/** The steps of a reward application that send a notification (`subsidy_reward.<step>`). */
export type SubsidyRewardNotificationStep =
  'submitted' | 'reviewed' | 'rejected' | 'approved' | 'paid' | 'clawed_back';

/**
 * 奖励申请通知: tells the next party of a step, inside the step's transaction — a submission to the city bureau
 * (its reviewers, link to the reward queue), every later step to the institution's unit that applied (link to
 * 奖励申请). Params: application number, scheme name in both languages, reward year, amount in yuan (granted when
 * there is one, else requested) and the reason of a rejection or clawback. Source: issue 9 items 2, 4.
 */
export async function notifySubsidyRewardStep(
  tx: Transaction,
  row: SubsidyRewardApplicationRow,
  step: SubsidyRewardNotificationStep,
  now: Date,
): Promise<void> {
  const [scheme] = await tx
    .select({ nameZh: tables.subsidySchemes.nameZh, nameEn: tables.subsidySchemes.nameEn })
    .from(tables.subsidySchemes)
    .where(eq(tables.subsidySchemes.id, row.schemeVersionId));
  const params: Record<string, string> = {
    applicationNumber: row.applicationNumber,
    schemeZh: scheme?.nameZh ?? row.schemeId,
    schemeEn: scheme?.nameEn ?? row.schemeId,
    year: String(row.rewardYear),
    amountYuan: formatYuan(row.grantedFen ?? row.requestedFen),
    reason: row.rejectReason ?? row.clawbackReason ?? row.reviewNote ?? '',
  };
  const kind = `subsidy_reward.${step}`;
  if (step === 'submitted') {
    const [bureau] = await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.kind, 'ip_bureau'))
      .orderBy(asc(tables.organisations.id))
      .limit(1);
    if (bureau !== undefined)
      await notify(
        tx,
        { to: { organisationId: bureau.id }, kind, params, link: '/subsidy-reward-queue' },
        now,
      );
    return;
  }
  await notify(
    tx,
    { to: { organisationId: row.applicantUnitId }, kind, params, link: '/subsidy-rewards' },
    now,
  );
}
