import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toSigningCertificateView, type SigningCertificateView } from './signing-certificate-view.ts';

/**
 * 吊销签名证书 (revoke a signing certificate) of the actor's own organisation, e.g. when a browser holding the
 * key is lost: from now on no signature with it is accepted; signatures made before stay valid (they were made
 * while it was in force). Another organisation's certificate is NOT_FOUND; revoking twice is CONFLICT.
 */
export async function revokeSigningCertificate(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<SigningCertificateView> {
  authorize(actor, 'signing_certificate.revoke');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { signingCertificates: c } = tables;
    const [row] = await tx
      .select()
      .from(c)
      .where(and(eq(c.id, id), eq(c.organisationId, actor.organisationId)));
    if (row === undefined) throw new DomainError('NOT_FOUND');
    const [revoked] = await tx
      .update(c)
      .set({ revokedAt: now })
      .where(and(eq(c.id, id), isNull(c.revokedAt)))
      .returning();
    if (revoked === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'signing_certificate.revoked',
        entityType: 'signing_certificate',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt: now.toISOString() },
      },
      now,
    );
    return toSigningCertificateView(revoked);
  });
}
