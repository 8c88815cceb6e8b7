import { createHmac, randomBytes } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { sm2 } from 'sm-crypto-v2';
import {
  certificateSigningPayload,
  SM2_DEFAULT_USER_ID,
  type CertificateName,
  type CertificateRecord,
  type SigningService,
} from './signature-records.ts';
import { createSm2Signature, isValidSm2PublicKey } from './sm2-signature.ts';

/** Order n of the SM2 curve (GB/T 32918.5): private keys lie in [1, n − 2]. */
const SM2_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const DAY_MS = 86_400_000;

/** Where the test CA keeps the certificates it issued (public data: the platform's certificate table will do). */
export interface CertificateStore {
  find(keyId: string): Promise<CertificateRecord | null>;
  save(keyId: string, certificate: CertificateRecord): Promise<void>;
}

/** An in-process certificate store (tests, the demo in one process). */
export function createMemoryCertificateStore(): CertificateStore {
  const certificates = new Map<string, CertificateRecord>();
  return {
    find: (keyId) => Promise.resolve(certificates.get(keyId) ?? null),
    save: (keyId, certificate) => {
      certificates.set(keyId, certificate);
      return Promise.resolve();
    },
  };
}

export interface CreateTestCaInput {
  /** Secret from which every key of this CA derives (configuration; at least 32 bytes, no default). */
  readonly masterSecret: Uint8Array;
  readonly caName: string;
  readonly clock: () => Date;
  readonly certificateStore?: CertificateStore;
  /** Validity of issued certificates (default 365 days; the CA's own: 10 years). */
  readonly validityDays?: number;
}

/** 测试CA: the demo's certificate authority and signing service in one. */
export interface TestCa extends SigningService {
  readonly caCertificate: CertificateRecord;
  /** Issues (or re-issues) the organisation's certificate; returns the key handle to sign with. */
  enrolOrganisation(subject: CertificateName): Promise<{ keyId: string; certificate: CertificateRecord }>;
  /**
   * Certifies a public key the subject generated itself (in its browser): the CA signs the binding of the key to
   * the organisation; the private key never reaches the CA. Nothing is stored (the caller keeps the record).
   */
  certifyPublicKey(subject: CertificateName, publicKeyHex: string): CertificateRecord;
}

interface KeyPair {
  readonly privateKeyHex: string;
  readonly publicKeyHex: string;
}

function deriveKeyPair(masterSecret: Uint8Array, label: string): KeyPair {
  // HMAC-SM3 of the label, reduced into [1, n − 2]: the same secret gives the same key in every process, so no
  // private key is ever written anywhere. 256 bits mod ~2^256 leaves a negligible bias for a test CA.
  const digest = createHmac('sm3', masterSecret).update(label).digest('hex');
  const scalar = (BigInt(`0x${digest}`) % (SM2_ORDER - 2n)) + 1n;
  const privateKeyHex = scalar.toString(16).padStart(64, '0');
  return { privateKeyHex, publicKeyHex: sm2.getPublicKeyFromPrivateKey(privateKeyHex) };
}

function issue(
  fields: Omit<CertificateRecord, 'signatureHex' | 'version' | 'signatureAlgorithm' | 'userId'>,
  issuerKey: KeyPair,
): CertificateRecord {
  const unsigned = {
    version: 1 as const,
    signatureAlgorithm: 'SM2-SM3' as const,
    userId: SM2_DEFAULT_USER_ID,
    ...fields,
  };
  const signatureHex = createSm2Signature({
    messageBytes: Buffer.from(certificateSigningPayload(unsigned), 'utf8'),
    privateKeyHex: issuerKey.privateKeyHex,
    publicKeyHex: issuerKey.publicKeyHex,
    userId: SM2_DEFAULT_USER_ID,
  });
  return { ...unsigned, signatureHex };
}

/**
 * 内置测试CA (built-in test CA) for the demo: one SM2 key pair per organisation, derived from the CA's master
 * secret and held only inside this adapter; a self-signed CA certificate; simple certificates signed by the CA;
 * and `sign(digestHex, keyId)` that returns a {@link SignatureRecord} carrying the signer's certificate.
 * Not a production CA: a real deployment plugs a licensed CA's signing service (or browser-side signing) into
 * the same {@link SigningService} interface.
 * @throws DomainError('NOT_FOUND', { keyId }) from `sign` when the key was never enrolled, and
 * DomainError('FIELD_INVALID_FORMAT') when the digest is not 64 lower-case hex digits (an SM3 digest).
 */
export function createTestCa(input: CreateTestCaInput): TestCa {
  if (input.masterSecret.length < 32)
    throw new Error('the test CA needs a master secret of at least 32 bytes');
  const store = input.certificateStore ?? createMemoryCertificateStore();
  const validityMs = (input.validityDays ?? 365) * DAY_MS;
  const caKey = deriveKeyPair(input.masterSecret, 'ca');
  const caName: CertificateName = { orgId: `test-ca:${caKey.publicKeyHex.slice(2, 18)}`, name: input.caName };
  const caIssuedAt = input.clock();
  const caCertificate = issue(
    {
      serialNumber: '01',
      issuer: caName,
      subject: caName,
      publicKeyHex: caKey.publicKeyHex,
      notBefore: caIssuedAt.toISOString(),
      notAfter: new Date(caIssuedAt.getTime() + 3650 * DAY_MS).toISOString(),
      isCa: true,
    },
    caKey,
  );
  const keyIdOf = (orgId: string) => `test-ca/${orgId}`;
  const keyOf = (keyId: string) => deriveKeyPair(input.masterSecret, `key:${keyId}`);

  return {
    caCertificate,

    enrolOrganisation(subject) {
      const keyId = keyIdOf(subject.orgId);
      const issuedAt = input.clock();
      const certificate = issue(
        {
          serialNumber: randomBytes(16).toString('hex'),
          issuer: caName,
          subject: { orgId: subject.orgId, name: subject.name },
          publicKeyHex: keyOf(keyId).publicKeyHex,
          notBefore: issuedAt.toISOString(),
          notAfter: new Date(issuedAt.getTime() + validityMs).toISOString(),
          isCa: false,
        },
        caKey,
      );
      return store.save(keyId, certificate).then(() => ({ keyId, certificate }));
    },

    certifyPublicKey(subject, publicKeyHex) {
      if (!isValidSm2PublicKey(publicKeyHex))
        throw new DomainError(
          'SIGNING_PUBLIC_KEY_INVALID',
          {},
          {
            problems: [{ code: 'SIGNING_PUBLIC_KEY_INVALID', field: 'publicKeyHex' }],
          },
        );
      const issuedAt = input.clock();
      return issue(
        {
          serialNumber: randomBytes(16).toString('hex'),
          issuer: caName,
          subject: { orgId: subject.orgId, name: subject.name },
          publicKeyHex,
          notBefore: issuedAt.toISOString(),
          notAfter: new Date(issuedAt.getTime() + validityMs).toISOString(),
          isCa: false,
        },
        caKey,
      );
    },

    async sign(digestHex, signerKeyId) {
      if (!/^[0-9a-f]{64}$/.test(digestHex))
        throw new DomainError('FIELD_INVALID_FORMAT', { field: 'digestHex' });
      const certificate = await store.find(signerKeyId);
      if (certificate === null) throw new DomainError('NOT_FOUND', { keyId: signerKeyId });
      const key = keyOf(signerKeyId);
      const signatureHex = createSm2Signature({
        messageBytes: Buffer.from(digestHex, 'hex'),
        privateKeyHex: key.privateKeyHex,
        publicKeyHex: key.publicKeyHex,
        userId: SM2_DEFAULT_USER_ID,
      });
      return {
        signerOrgId: certificate.subject.orgId,
        signerKeyId,
        digestAlgorithm: 'SM3',
        digestHex,
        signatureAlgorithm: 'SM2-SM3',
        userId: SM2_DEFAULT_USER_ID,
        signatureHex,
        signedAt: input.clock().toISOString(),
        certificate,
      };
    },
  };
}
