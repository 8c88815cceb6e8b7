import { eq, inArray } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { calculateSm3DigestHex } from '../signing/calculate-sm3-digest.ts';
import { findIssuingCa, findTrustedCaCertificates } from '../signing/create-platform-test-ca.ts';
import type { CertificateRecord, SignatureRecord } from '../signing/signature-records.ts';
import { verifySignedDocument, type SignatureProblem } from '../signing/verify-signed-document.ts';
import { findDocumentSignatures } from './case-document-view.ts';

/** 验签结论 of one signer of a platform document. */
export interface SignerVerification {
  readonly organisationName: string;
  readonly certificateSerialNumber: string;
  readonly signedAt: string;
  readonly valid: boolean;
  /** Error-catalogue codes of every fault (`SIGNATURE_…`), empty when valid. */
  readonly problems: string[];
}

/** One platform document with these bytes, and the verdict on its signatures. */
export interface VerifiedDocument {
  readonly documentId: string;
  readonly kind: string;
  readonly contractNumber: string;
  readonly caseNumber: string;
  readonly version: number;
  /** A newer version replaced this one. */
  readonly superseded: boolean;
  /** Every stored signature verifies (and there is at least one). */
  readonly valid: boolean;
  /** Every required signer has signed. */
  readonly complete: boolean;
  readonly signers: SignerVerification[];
  /** Required signers who have not signed (names). */
  readonly pendingSigners: string[];
}

/** 验证结果 of an uploaded PDF. */
export interface PdfVerification {
  readonly digestHex: string;
  /** False: no platform document has this SM3 digest ("not a platform document"). */
  readonly platformDocument: boolean;
  readonly documents: VerifiedDocument[];
}

const problemCodes: Readonly<Record<SignatureProblem, string>> = {
  DIGEST_MISMATCH: 'SIGNATURE_DIGEST_MISMATCH',
  SIGNATURE_INVALID: 'SIGNATURE_SM2_INVALID',
  CERTIFICATE_NOT_FROM_CA: 'SIGNATURE_CERTIFICATE_NOT_FROM_CA',
  CERTIFICATE_SIGNATURE_INVALID: 'SIGNATURE_CERTIFICATE_FORGED',
  CERTIFICATE_NOT_VALID_AT_SIGNING: 'SIGNATURE_CERTIFICATE_NOT_VALID_AT_SIGNING',
  SIGNER_NOT_CERTIFICATE_SUBJECT: 'SIGNATURE_SIGNER_NOT_CERTIFICATE_SUBJECT',
  CA_CERTIFICATE_INVALID: 'SIGNATURE_CA_CERTIFICATE_INVALID',
};

/**
 * 验证签署文件 (verify a signed PDF), public: anyone holding a contract's bytes computes nothing themselves; the
 * platform takes the SM3 digest, finds the documents with that digest, and re-verifies every stored signature
 * from scratch (SM2 over the digest with the certificate's key, the certificate's chain to a trusted CA,
 * validity at the signing time, not revoked before it), answering per signer. Bytes no document has are "not a
 * platform document" (`platformDocument: false`), not an error. Reads only; no session, no audit.
 * Source: issue 5 item 5 ("anyone can verify a signed PDF"); 《电子签名法》第十三条.
 */
export async function verifySignedPdf(
  input: { readonly pdf: Uint8Array },
  deps: AppDeps,
): Promise<PdfVerification> {
  const digestHex = calculateSm3DigestHex(input.pdf);
  const { caseDocuments, financingCases, signingCertificates, organisations } = tables;
  const documents = await deps.db
    .select({
      id: caseDocuments.id,
      kind: caseDocuments.kind,
      contractNumber: caseDocuments.contractNumber,
      version: caseDocuments.version,
      superseded: caseDocuments.superseded,
      requiredSignerOrgIds: caseDocuments.requiredSignerOrgIds,
      caseNumber: financingCases.caseNumber,
    })
    .from(caseDocuments)
    .innerJoin(financingCases, eq(financingCases.id, caseDocuments.caseId))
    .where(eq(caseDocuments.sm3DigestHex, digestHex));
  if (documents.length === 0) return { digestHex, platformDocument: false, documents: [] };

  const signatures = await findDocumentSignatures(
    deps.db,
    documents.map((d) => d.id),
  );
  const certificateIds = [...new Set(signatures.map((s) => s.certificateId))];
  const certificates =
    certificateIds.length === 0
      ? []
      : await deps.db
          .select()
          .from(signingCertificates)
          .where(inArray(signingCertificates.id, certificateIds));
  const orgIds = [...new Set(documents.flatMap((d) => d.requiredSignerOrgIds))];
  const orgs = await deps.db
    .select({ id: organisations.id, nameZh: organisations.nameZh })
    .from(organisations)
    .where(inArray(organisations.id, orgIds));
  const nameOf = new Map(orgs.map((o) => [o.id, o.nameZh]));
  const trustedCas = findTrustedCaCertificates(deps);

  return {
    digestHex,
    platformDocument: true,
    documents: documents.map((document): VerifiedDocument => {
      const own = signatures.filter((s) => s.documentId === document.id);
      const signers = own.map((signature): SignerVerification => {
        const certificateRow = certificates.find((c) => c.id === signature.certificateId)!;
        const certificate = certificateRow.record as unknown as CertificateRecord;
        const record: SignatureRecord = {
          signerOrgId: signature.signerOrganisationId,
          signerKeyId: certificateRow.signerKeyId ?? `browser/${certificateRow.id}`,
          digestAlgorithm: 'SM3',
          digestHex: signature.digestHex,
          signatureAlgorithm: 'SM2-SM3',
          userId: signature.userIdA,
          signatureHex: signature.signatureHex,
          signedAt: signature.signedAt.toISOString(),
          certificate,
        };
        const [verdict] = verifySignedDocument(
          input.pdf,
          [record],
          findIssuingCa(certificate, trustedCas),
        ).signers;
        const problems = verdict!.problems.map((p) => problemCodes[p]);
        if (certificateRow.revokedAt !== null && certificateRow.revokedAt < signature.signedAt)
          problems.push('SIGNATURE_CERTIFICATE_REVOKED');
        return {
          organisationName: nameOf.get(signature.signerOrganisationId) ?? certificate.subject.name,
          certificateSerialNumber: certificate.serialNumber,
          signedAt: record.signedAt,
          valid: problems.length === 0,
          problems,
        };
      });
      const pendingSigners = document.requiredSignerOrgIds
        .filter((orgId) => !own.some((s) => s.signerOrganisationId === orgId))
        .map((orgId) => nameOf.get(orgId) ?? orgId);
      return {
        documentId: document.id,
        kind: document.kind,
        contractNumber: document.contractNumber,
        caseNumber: document.caseNumber,
        version: document.version,
        superseded: document.superseded,
        valid: signers.length > 0 && signers.every((s) => s.valid),
        complete: pendingSigners.length === 0,
        signers,
        pendingSigners,
      };
    }),
  };
}
