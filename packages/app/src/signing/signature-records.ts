import { canonicalJson } from '@ipf/domain/audit';

/** GM/T 0009-2012 default signer identity (ID_A) for SM2 signatures when none is agreed. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** A party named in a certificate. */
export interface CertificateName {
  readonly orgId: string;
  readonly name: string;
}

/**
 * 证书记录 (certificate record): a simple certificate binding an organisation to an SM2 public key, signed by the
 * issuing CA over the canonical JSON of every field but `signatureHex`. A CA certificate is self-signed
 * (`issuer` = `subject`, `isCa` true). Public data: the platform stores it; anyone may verify with it.
 */
export interface CertificateRecord {
  readonly version: 1;
  /** Hex serial number, unique per issuer. */
  readonly serialNumber: string;
  readonly issuer: CertificateName;
  readonly subject: CertificateName;
  /** Uncompressed SM2 public key, `04` + x + y (130 hex digits). */
  readonly publicKeyHex: string;
  /** Validity, ISO instants (inclusive). */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCa: boolean;
  readonly signatureAlgorithm: 'SM2-SM3';
  /** ID_A used in the issuer's signature (GM/T 0009 default unless agreed). */
  readonly userId: string;
  /** The issuer's SM2 signature (r ‖ s, 128 hex digits). */
  readonly signatureHex: string;
}

/**
 * 签名记录 (signature record) of one signer over one document: the SM3 digest of the PDF bytes, the SM2
 * signature over that digest (SM2 with ID_A = `userId`, i.e. e = SM3(Z_A ‖ digest)), and the signer's
 * certificate. With the PDF and the CA certificate this is all a verifier needs.
 */
export interface SignatureRecord {
  readonly signerOrgId: string;
  /** The signing service's handle of the key (never the key itself). */
  readonly signerKeyId: string;
  readonly digestAlgorithm: 'SM3';
  readonly digestHex: string;
  readonly signatureAlgorithm: 'SM2-SM3';
  readonly userId: string;
  readonly signatureHex: string;
  readonly signedAt: string;
  readonly certificate: CertificateRecord;
}

/**
 * 签名服务适配器 (signing-service adapter): signs a digest with a key that never leaves the service (a CA-style
 * signing service, a hardware module, or the built-in test CA). The platform passes digests and key handles only.
 */
export interface SigningService {
  sign(digestHex: string, signerKeyId: string): Promise<SignatureRecord>;
}

/** The bytes a certificate's issuer signs: canonical JSON of every field but the signature. */
export function certificateSigningPayload(certificate: Omit<CertificateRecord, 'signatureHex'>): string {
  const { signatureHex: _signatureHex, ...fields } = certificate as CertificateRecord;
  return canonicalJson(fields);
}
