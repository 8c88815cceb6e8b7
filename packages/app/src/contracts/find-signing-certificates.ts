import { desc, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toSigningCertificateView, type SigningCertificateView } from './signing-certificate-view.ts';

/** 本机构签名证书: the actor's organisation's certificates, newest first (revoked ones included, marked). */
export async function findSigningCertificates(
  actor: Actor,
  deps: AppDeps,
): Promise<SigningCertificateView[]> {
  authorize(actor, 'signing_certificate.list');
  const rows = await deps.db
    .select()
    .from(tables.signingCertificates)
    .where(eq(tables.signingCertificates.organisationId, actor.organisationId))
    .orderBy(desc(tables.signingCertificates.registeredAt));
  return rows.map(toSigningCertificateView);
}
