import { randomUUID } from 'node:crypto';
import { tables, type Transaction } from '@ipf/db';

/** Who a notification is for: one user, or every member of an organisation (e.g. a district bureau). */
export type NotificationRecipient = { readonly userId: string } | { readonly organisationId: string };

export interface NotifyInput {
  readonly to: NotificationRecipient;
  /**
   * A stable code the web texts by (`notifications.kinds.<kind>` in the i18n files), e.g.
   * `subsidy_application.approved`. A new kind needs its zh-CN and en texts.
   */
  readonly kind: string;
  /** The text's placeholders (strings only: amounts as yuan text, dates as ISO dates). */
  readonly params?: Readonly<Record<string, string>>;
  /** The web path the notification opens, e.g. `/subsidies`. */
  readonly link?: string;
}

/**
 * 发送站内通知 (notify): writes one notification inside the caller's transaction, so it exists exactly when the step
 * it tells of commits (a rolled-back step sends nothing). Call it after the step's writes, next to its audit event:
 * `await notify(tx, { to: { userId }, kind: 'subsidy_application.paid', params: { amountYuan }, link }, now)`.
 * Source: issue 9 item 4 "notifications at each step".
 */
export async function notify(tx: Transaction, input: NotifyInput, now: Date): Promise<void> {
  await tx.insert(tables.notifications).values({
    id: randomUUID(),
    recipientUserId: 'userId' in input.to ? input.to.userId : null,
    recipientOrganisationId: 'organisationId' in input.to ? input.to.organisationId : null,
    kind: input.kind,
    params: { ...(input.params ?? {}) },
    link: input.link ?? null,
    createdAt: now,
  });
}
