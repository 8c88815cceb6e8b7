import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toConsentView, type ConsentView } from './consent-view.ts';

/** 我的授权: the enterprise's consents, newest first, each with its state as of today. */
export async function findConsents(actor: Actor, deps: AppDeps): Promise<ConsentView[]> {
  authorize(actor, 'consent.list');
  const rows = await deps.db
    .select({ consent: tables.consents, recipient: tables.organisations })
    .from(tables.consents)
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.consents.recipientId))
    .where(eq(tables.consents.enterpriseId, actor.organisationId))
    .orderBy(desc(tables.consents.grantedAt));
  const today = toShanghaiDate(deps.clock.now());
  return rows.map((r) => toConsentView(r.consent, r.recipient, today));
}
