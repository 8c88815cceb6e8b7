import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { consentPurposeCaseId, toConsentView, type ConsentView } from './consent-view.ts';
import { loadConsentCases } from './load-consent-cases.ts';

/**
 * 我的授权: the enterprise's consents, newest first, each with its state as of today and, for the consents of an
 * application, the case number its purpose names.
 */
export async function findConsents(actor: Actor, deps: AppDeps): Promise<ConsentView[]> {
  authorize(actor, 'consent.list');
  const rows = await deps.db
    .select({ consent: tables.consents, recipient: tables.organisations })
    .from(tables.consents)
    .innerJoin(tables.organisations, eq(tables.organisations.id, tables.consents.recipientId))
    .where(eq(tables.consents.enterpriseId, actor.organisationId))
    .orderBy(desc(tables.consents.grantedAt));
  const today = toShanghaiDate(deps.clock.now());
  const cases = await loadConsentCases(
    deps.db,
    actor.organisationId,
    rows.map((r) => r.consent.purpose),
  );
  return rows.map((r) => {
    const caseId = consentPurposeCaseId(r.consent.purpose);
    return toConsentView(r.consent, r.recipient, today, caseId === null ? null : (cases.get(caseId) ?? null));
  });
}
