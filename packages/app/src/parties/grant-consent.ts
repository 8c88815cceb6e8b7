import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toConsentView, type ConsentScope, type ConsentView } from './consent-view.ts';

export interface GrantConsentInput {
  readonly recipientId: string;
  readonly scope: ConsentScope;
  readonly purpose: string;
  readonly expiresOn: string;
}

/**
 * 授权: the enterprise lets a bank or evaluator use its data for a stated purpose until `expiresOn`. A consent
 * to a bank unit creates the customer relationship for that unit and the units above it.
 */
export async function grantConsent(
  input: GrantConsentInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ConsentView> {
  authorize(actor, 'consent.grant');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (input.expiresOn <= today) assertNoProblems([{ code: 'CONSENT_EXPIRY_INVALID', field: 'expiresOn' }]);

  return runInTransaction(deps, async (tx) => {
    const [recipient] = await tx
      .select()
      .from(tables.organisations)
      .where(eq(tables.organisations.id, input.recipientId));
    if (recipient === undefined || recipient.kind === 'enterprise') {
      throw new DomainError(
        'VALIDATION_FAILED',
        { count: 1 },
        { problems: [{ code: 'NOT_FOUND', field: 'recipientId' }] },
      );
    }
    const [row] = await tx
      .insert(tables.consents)
      .values({
        id: randomUUID(),
        enterpriseId: actor.organisationId,
        recipientId: recipient.id,
        scope: input.scope,
        purpose: input.purpose.trim(),
        grantedAt: now,
        expiresOn: input.expiresOn,
      })
      .returning();
    const view = toConsentView(row!, recipient, today);
    await deps.audit.append(
      tx,
      actor,
      { action: 'consent.granted', entityType: 'consent', entityId: view.id, after: view },
      now,
    );
    return view;
  });
}
