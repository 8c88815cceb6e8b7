import { and, asc, eq, like } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toConsentView, type ConsentView } from '../parties/consent-view.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getVisibleCase } from './transition-case.ts';

/**
 * 本案授权 (the consents of a case): the consents the enterprise granted with its application (purpose ending in
 * `:<caseId>`: the bank's data and 征信 consents, the bureau's financing-record consent), each with its state as
 * of today, for whoever may read the case.
 */
export async function findCaseConsents(caseId: string, actor: Actor, deps: AppDeps): Promise<ConsentView[]> {
  const scope = authorize(actor, 'case.read');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  const { consents, organisations } = tables;
  const rows = await deps.db
    .select({ consent: consents, recipient: organisations })
    .from(consents)
    .innerJoin(organisations, eq(organisations.id, consents.recipientId))
    .where(and(eq(consents.enterpriseId, row.enterpriseId), like(consents.purpose, `%:${row.id}`)))
    .orderBy(asc(consents.grantedAt), asc(consents.scope));
  const today = toShanghaiDate(deps.clock.now());
  return rows.map((r) =>
    toConsentView(r.consent, r.recipient, today, { id: row.id, caseNumber: row.caseNumber }),
  );
}
