import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { consentPurposeCaseId, toConsentView, type ConsentView } from './consent-view.ts';
import { loadConsentCases } from './load-consent-cases.ts';

/**
 * 撤回授权: stops further sharing with that recipient from now on. Records already part of a loan contract
 * stay with the lender as the law requires (access.md); they are not held in this table.
 */
export async function revokeConsent(
  input: { readonly consentId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<ConsentView> {
  authorize(actor, 'consent.revoke');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .select()
      .from(tables.consents)
      .where(
        and(eq(tables.consents.id, input.consentId), eq(tables.consents.enterpriseId, actor.organisationId)),
      )
      .for('update');
    if (row === undefined) throw new DomainError('CONSENT_NOT_FOUND');
    if (row.revokedAt !== null) throw new DomainError('CONSENT_ALREADY_REVOKED');
    const [updated] = await tx
      .update(tables.consents)
      .set({ revokedAt: now })
      .where(eq(tables.consents.id, row.id))
      .returning();
    const [recipient] = await tx
      .select()
      .from(tables.organisations)
      .where(eq(tables.organisations.id, row.recipientId));
    const today = toShanghaiDate(now);
    const cases = await loadConsentCases(tx, actor.organisationId, [row.purpose]);
    const purposeCase = cases.get(consentPurposeCaseId(row.purpose) ?? '') ?? null;
    const view = toConsentView(updated!, recipient!, today, purposeCase);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'consent.revoked',
        entityType: 'consent',
        entityId: row.id,
        before: toConsentView(row, recipient!, today, purposeCase),
        after: view,
      },
      now,
    );
    return view;
  });
}
