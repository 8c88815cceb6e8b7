import { calculateSm3DigestHex } from './calculate-sm3-digest.ts';
import {
  certificateSigningPayload,
  type CertificateRecord,
  type SignatureRecord,
} from './signature-records.ts';
import { isValidSm2Signature } from './sm2-signature.ts';

/** Why a signature does not verify. */
export type SignatureProblem =
  /** The record's digest is not the SM3 digest of this PDF (the document changed, or the record is another's). */
  | 'DIGEST_MISMATCH'
  /** The SM2 signature does not verify with the certificate's public key. */
  | 'SIGNATURE_INVALID'
  /** The certificate names another issuer than the CA, or is itself a CA certificate. */
  | 'CERTIFICATE_NOT_FROM_CA'
  /** The CA's signature over the certificate fails: forged, or changed after issuance. */
  | 'CERTIFICATE_SIGNATURE_INVALID'
  /** The signature's time lies outside the certificate's validity. */
  | 'CERTIFICATE_NOT_VALID_AT_SIGNING'
  /** The record's signer is not the certificate's subject. */
  | 'SIGNER_NOT_CERTIFICATE_SUBJECT'
  /** The CA certificate given to the verifier is not a valid self-signed CA certificate. */
  | 'CA_CERTIFICATE_INVALID';

/** 验签结论 of one signer. */
export interface SignerVerdict {
  readonly signerOrgId: string;
  readonly signerName: string;
  readonly certificateSerialNumber: string;
  readonly signedAt: string;
  readonly valid: boolean;
  readonly problems: readonly SignatureProblem[];
}

/** 验签结果 of a document: valid when it has at least one signature and every one verifies. */
export interface DocumentVerification {
  readonly digestHex: string;
  readonly valid: boolean;
  readonly signers: readonly SignerVerdict[];
}

function isSignedBy(certificate: CertificateRecord, issuerPublicKeyHex: string): boolean {
  return isValidSm2Signature({
    messageBytes: Buffer.from(certificateSigningPayload(certificate), 'utf8'),
    signatureHex: certificate.signatureHex,
    publicKeyHex: issuerPublicKeyHex,
    userId: certificate.userId,
  });
}

function sameName(a: CertificateRecord['issuer'], b: CertificateRecord['subject']): boolean {
  return a.orgId === b.orgId && a.name === b.name;
}

/** Is this a valid self-signed CA certificate? */
export function isValidCaCertificate(caCertificate: CertificateRecord): boolean {
  return (
    caCertificate.isCa &&
    sameName(caCertificate.issuer, caCertificate.subject) &&
    isSignedBy(caCertificate, caCertificate.publicKeyHex)
  );
}

function verifySignature(
  pdfDigestHex: string,
  record: SignatureRecord,
  caCertificate: CertificateRecord,
  caValid: boolean,
): SignatureProblem[] {
  const problems: SignatureProblem[] = [];
  const { certificate } = record;
  if (!caValid) problems.push('CA_CERTIFICATE_INVALID');

  if (record.digestHex.toLowerCase() !== pdfDigestHex) problems.push('DIGEST_MISMATCH');
  const signatureValid = isValidSm2Signature({
    messageBytes: Buffer.from(pdfDigestHex, 'hex'),
    signatureHex: record.signatureHex,
    publicKeyHex: certificate.publicKeyHex,
    userId: record.userId,
  });
  if (!signatureValid) problems.push('SIGNATURE_INVALID');

  if (certificate.isCa || !sameName(certificate.issuer, caCertificate.subject)) {
    problems.push('CERTIFICATE_NOT_FROM_CA');
  }
  if (!isSignedBy(certificate, caCertificate.publicKeyHex)) problems.push('CERTIFICATE_SIGNATURE_INVALID');
  const signedAt = Date.parse(record.signedAt);
  if (
    Number.isNaN(signedAt) ||
    signedAt < Date.parse(certificate.notBefore) ||
    signedAt > Date.parse(certificate.notAfter)
  ) {
    problems.push('CERTIFICATE_NOT_VALID_AT_SIGNING');
  }
  if (record.signerOrgId !== certificate.subject.orgId) problems.push('SIGNER_NOT_CERTIFICATE_SUBJECT');
  return problems;
}

/**
 * 验证签署文件 (verify a signed document) with nothing but the PDF bytes, the signature records and the CA
 * certificate: recompute the SM3 digest, check each SM2 signature against its certificate's key, and each
 * certificate's chain to the CA (issuer name, CA signature over the canonical fields, validity at signing).
 * Returns a verdict per signer with every problem found; a wrong key, signature or certificate is a verdict,
 * not an exception (the records' shape is checked where they are parsed).
 */
export function verifySignedDocument(
  pdf: Uint8Array,
  signatureRecords: readonly SignatureRecord[],
  caCertificate: CertificateRecord,
): DocumentVerification {
  const digestHex = calculateSm3DigestHex(pdf);
  const caValid = isValidCaCertificate(caCertificate);
  const signers = signatureRecords.map((record): SignerVerdict => {
    const problems = verifySignature(digestHex, record, caCertificate, caValid);
    return {
      signerOrgId: record.signerOrgId,
      signerName: record.certificate.subject.name,
      certificateSerialNumber: record.certificate.serialNumber,
      signedAt: record.signedAt,
      valid: problems.length === 0,
      problems,
    };
  });
  return { digestHex, valid: signers.length > 0 && signers.every((s) => s.valid), signers };
}
