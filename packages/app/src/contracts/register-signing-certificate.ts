import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { createPlatformTestCa } from '../signing/create-platform-test-ca.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toSigningCertificateView, type SigningCertificateView } from './signing-certificate-view.ts';

export interface RegisterSigningCertificateInput {
  /** The SM2 public key generated in the user's browser: `04` ‖ x ‖ y, 130 hex digits. */
  readonly publicKeyHex: string;
}

/**
 * 登记签名证书 (register a signing certificate): an organisation's user submits the SM2 public key its browser
 * generated; the built-in test CA (demo and tests) certifies it for the organisation and the platform stores the
 * certificate with `keyCustody = 'browser'`. Only the public key travels: the private key stays in the browser,
 * so the platform can check the organisation's signatures but never make one.
 * @throws DomainError('SIGNING_PUBLIC_KEY_INVALID') for a key that is not an SM2 point.
 */
export async function registerSigningCertificate(
  input: RegisterSigningCertificateInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SigningCertificateView> {
  authorize(actor, 'signing_certificate.register');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [organisation] = await tx
      .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, actor.organisationId));
    if (organisation === undefined) throw new DomainError('NOT_FOUND');
    const certificate = createPlatformTestCa(deps, tx).certifyPublicKey(
      { orgId: organisation.id, name: organisation.nameZh },
      input.publicKeyHex.toLowerCase(),
    );
    const [row] = await tx
      .insert(tables.signingCertificates)
      .values({
        id: randomUUID(),
        organisationId: organisation.id,
        issuerName: certificate.issuer.name,
        serialNumber: certificate.serialNumber,
        publicKeyHex: certificate.publicKeyHex,
        notBefore: new Date(certificate.notBefore),
        notAfter: new Date(certificate.notAfter),
        record: certificate as unknown as Record<string, unknown>,
        keyCustody: 'browser',
        registeredByUserId: actor.userId,
        registeredAt: now,
      })
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'signing_certificate.registered',
        entityType: 'signing_certificate',
        entityId: row!.id,
        after: { serialNumber: certificate.serialNumber, publicKeyHex: certificate.publicKeyHex },
      },
      now,
    );
    return toSigningCertificateView(row!);
  });
}
