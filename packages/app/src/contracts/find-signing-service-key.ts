import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

/** A signing-service key of an organisation: its certificate row and the service's handle of the key. */
export interface SigningServiceKey {
  readonly certificateId: string;
  readonly keyId: string;
}

/**
 * 签名服务密钥 (signing-service key) of an organisation: its newest unrevoked `signing_service` certificate valid
 * at `at`. The platform holds only the handle; the key stays inside the service.
 * @throws DomainError('SIGNING_SERVICE_CERTIFICATE_MISSING') when the organisation has none.
 */
export async function findSigningServiceKey(
  executor: Executor,
  organisation: { readonly orgId: string; readonly name: string },
  at: Date,
): Promise<SigningServiceKey> {
  const { signingCertificates: c } = tables;
  const [certificate] = await executor
    .select({ id: c.id, signerKeyId: c.signerKeyId })
    .from(c)
    .where(
      and(
        eq(c.organisationId, organisation.orgId),
        eq(c.keyCustody, 'signing_service'),
        isNull(c.revokedAt),
        lte(c.notBefore, at),
        gte(c.notAfter, at),
      ),
    )
    .orderBy(desc(c.registeredAt))
    .limit(1);
  if (certificate?.signerKeyId == null)
    throw new DomainError('SIGNING_SERVICE_CERTIFICATE_MISSING', { organisationName: organisation.name });
  return { certificateId: certificate.id, keyId: certificate.signerKeyId };
}
