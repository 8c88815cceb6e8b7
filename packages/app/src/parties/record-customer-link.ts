import { randomUUID } from 'node:crypto';
import { tables, type Executor } from '@ipf/db';

export type CustomerLinkSource = 'application' | 'whitelist_push';

/**
 * 建立客户关系: called inside the transaction of the use case that creates the relationship (an application to
 * a bank unit, a whitelist push to it). Idempotent: the same link twice is one link.
 */
export async function recordCustomerLink(
  tx: Executor,
  link: { readonly enterpriseId: string; readonly bankUnitId: string; readonly source: CustomerLinkSource },
  at: Date,
): Promise<void> {
  await tx
    .insert(tables.customerLinks)
    .values({ id: randomUUID(), ...link, createdAt: at })
    .onConflictDoNothing();
}
