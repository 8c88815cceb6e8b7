import { and, asc, eq } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Transaction } from '@ipf/db';
import { findDistrictBureauId } from '../notifications/find-district-bureau-id.ts';
import { notify } from '../notifications/notify.ts';

type ApplicationRow = typeof tables.subsidyApplications.$inferSelect;

/** The steps of an application that send a notification (`subsidy_application.<step>`). */
export type SubsidyNotificationStep =
  'submitted' | 'reviewed' | 'rejected' | 'approved' | 'paid' | 'clawed_back';

/**
 * 补贴申请通知: tells the next party of a step, inside the step's transaction — a submission to its district's
 * bureau (the reviewers, link to their queue), every later step (reviewed, approved, rejected, paid, clawed back)
 * to the enterprise (link to 政策补贴); a district review passed under a scheme that needs the city's approval
 * also to the city IP bureau (`subsidy_application.city_review_requested`, link to its queue). Params: application number, scheme name in both languages, the amount in
 * yuan (granted when there is one, else requested) and the reason of a rejection or clawback.
 * Source: issue 9 item 4 "notifications at each step".
 */
export async function notifySubsidyStep(
  tx: Transaction,
  row: ApplicationRow,
  step: SubsidyNotificationStep,
  now: Date,
): Promise<void> {
  const [scheme] = await tx
    .select({
      nameZh: tables.subsidySchemes.nameZh,
      nameEn: tables.subsidySchemes.nameEn,
      requiresCityReview: tables.subsidySchemes.requiresCityReview,
    })
    .from(tables.subsidySchemes)
    .where(eq(tables.subsidySchemes.id, row.schemeVersionId));
  const params: Record<string, string> = {
    applicationNumber: row.applicationNumber,
    schemeZh: scheme?.nameZh ?? row.schemeId,
    schemeEn: scheme?.nameEn ?? row.schemeId,
    amountYuan: formatYuan(row.grantedFen ?? row.requestedFen),
    reason: row.rejectReason ?? row.clawbackReason ?? row.reviewNote ?? '',
  };
  const kind = `subsidy_application.${step}`;
  if (step === 'submitted') {
    const bureauId = await findDistrictBureauId(tx, row.district);
    if (bureauId !== null)
      await notify(
        tx,
        { to: { organisationId: bureauId }, kind, params, link: '/subsidy-applications' },
        now,
      );
    return;
  }
  if (step === 'reviewed' && row.state === 'district_reviewed' && scheme?.requiresCityReview === true) {
    const [city] = await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(and(eq(tables.organisations.kind, 'ip_bureau'), eq(tables.organisations.active, true)))
      .orderBy(asc(tables.organisations.createdAt))
      .limit(1);
    if (city !== undefined)
      await notify(
        tx,
        {
          to: { organisationId: city.id },
          kind: 'subsidy_application.city_review_requested',
          params,
          link: '/subsidy-applications',
        },
        now,
      );
  }
  await notify(tx, { to: { organisationId: row.enterpriseId }, kind, params, link: '/subsidies' }, now);
}
