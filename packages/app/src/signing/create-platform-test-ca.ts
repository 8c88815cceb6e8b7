import { createHmac, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { createTestCa, type CertificateStore, type TestCa } from './create-test-ca.ts';
import type { CertificateRecord } from './signature-records.ts';

/** The built-in test CA's name as certificates show it. */
export const PLATFORM_TEST_CA_NAME = '知识产权质押融资服务平台测试CA（演示，非正式CA）';

/** Issued certificates are valid this long (browser keys and signing-service keys alike). */
const CERTIFICATE_VALIDITY_DAYS = 1825;

/**
 * The certificate table as the test CA's store: a signing-service key handle finds its organisation's newest
 * unrevoked certificate; an enrolment writes a `signing_service` certificate row.
 */
function tableCertificateStore(executor: Executor, at: () => Date): CertificateStore {
  const { signingCertificates } = tables;
  return {
    async find(keyId) {
      const [row] = await executor
        .select({ record: signingCertificates.record })
        .from(signingCertificates)
        .where(and(eq(signingCertificates.signerKeyId, keyId), isNull(signingCertificates.revokedAt)))
        .orderBy(desc(signingCertificates.registeredAt))
        .limit(1);
      return row === undefined ? null : (row.record as unknown as CertificateRecord);
    },
    async save(keyId, certificate) {
      await executor.insert(signingCertificates).values({
        id: randomUUID(),
        organisationId: certificate.subject.orgId,
        issuerName: certificate.issuer.name,
        serialNumber: certificate.serialNumber,
        publicKeyHex: certificate.publicKeyHex,
        notBefore: new Date(certificate.notBefore),
        notAfter: new Date(certificate.notAfter),
        record: certificate as unknown as Record<string, unknown>,
        keyCustody: 'signing_service',
        signerKeyId: keyId,
        registeredAt: at(),
      });
    },
  };
}

/**
 * 平台内置测试CA (the platform's built-in test CA), DEMO AND TESTS ONLY: the CA key and every signing-service key
 * derive from the configured demo secret (`IPF_DEMO_SEED`) through HMAC-SM3, so nothing private is ever stored
 * and every server process derives the same keys. Anyone who knows that secret can sign as any demo bank or
 * guarantor, which is exactly why this is not a CA for real contracts: a deployment plugs a licensed CA's
 * signing service (or browser-side keys under a real CA) into the same `SigningService` interface and trusts
 * that CA's certificate instead. The certificates it issues are kept in `signing_certificates` through the
 * caller's executor (a transaction).
 */
export function createPlatformTestCa(
  deps: Pick<AppDeps, 'clock' | 'demoSeed'>,
  executor: Executor | null,
): TestCa {
  const clock = () => deps.clock.now();
  return createTestCa({
    masterSecret: createHmac('sm3', deps.demoSeed).update('ipf/platform-test-ca/v1').digest(),
    caName: PLATFORM_TEST_CA_NAME,
    clock,
    ...(executor === null ? {} : { certificateStore: tableCertificateStore(executor, clock) }),
    validityDays: CERTIFICATE_VALIDITY_DAYS,
  });
}

/**
 * The CA certificates the platform trusts for signatures: the built-in test CA's. A licensed CA's certificate
 * would be added here from configuration.
 */
export function findTrustedCaCertificates(deps: Pick<AppDeps, 'clock' | 'demoSeed'>): CertificateRecord[] {
  return [createPlatformTestCa(deps, null).caCertificate];
}

/**
 * The trusted CA that issued a certificate (by issuer name), or the first trusted one, against which the
 * verification then reports the certificate as not issued by the CA.
 */
export function findIssuingCa(
  certificate: CertificateRecord,
  trustedCas: readonly CertificateRecord[],
): CertificateRecord {
  const issuer = trustedCas.find(
    (ca) => ca.subject.orgId === certificate.issuer.orgId && ca.subject.name === certificate.issuer.name,
  );
  return issuer ?? trustedCas[0]!;
}
