import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { assertCaseAction, type CaseAction, type CaseState, type CombinedModel } from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase, writeCaseTransition } from '../ledger/transition-case.ts';
import {
  createPlatformTestCa,
  findIssuingCa,
  findTrustedCaCertificates,
} from '../signing/create-platform-test-ca.ts';
import {
  SM2_DEFAULT_USER_ID,
  type CertificateRecord,
  type SignatureRecord,
} from '../signing/signature-records.ts';
import { verifySignedDocument, type SignatureProblem } from '../signing/verify-signed-document.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  findCaseDocumentRows,
  findDocumentSignatures,
  toCaseDocumentViews,
  type CaseDocumentRow,
  type CaseDocumentView,
} from './case-document-view.ts';
import { findSigningServiceKey } from './find-signing-service-key.ts';
import { lockCaseForSigning } from './lock-case-for-signing.ts';

/** One browser signature: SM2 (ID_A = GM/T 0009 default) over the document's SM3 digest, with the own key. */
export interface DocumentSignatureInput {
  readonly documentId: string;
  /** The SM3 digest that was signed (lower-case hex); must be the current version's. */
  readonly digestHex: string;
  /** r ‖ s, 128 hex digits. */
  readonly signatureHex: string;
  /** The signer's registered certificate (`signing_certificates.id`). */
  readonly certificateId: string;
}

export interface SignCaseDocumentsInput {
  readonly id: string;
  /** Signatures made in the signer's browser; absent: sign through the organisation's signing service. */
  readonly signatures?: readonly DocumentSignatureInput[];
  readonly expectedVersion?: number;
  readonly note?: string;
}

export interface SignCaseDocumentsResult {
  readonly caseId: string;
  readonly state: string;
  readonly version: number;
  readonly documents: CaseDocumentView[];
}

interface SignatureToStore {
  readonly document: CaseDocumentRow;
  readonly certificateId: string;
  readonly signatureHex: string;
  readonly method: 'browser' | 'signing_service';
}

/** The coded refusal for a verification problem of a submitted signature, most specific first. */
const problemCodes: readonly [SignatureProblem, string][] = [
  ['DIGEST_MISMATCH', 'CASE_DOCUMENT_DIGEST_MISMATCH'],
  ['CA_CERTIFICATE_INVALID', 'SIGNING_CERTIFICATE_UNTRUSTED'],
  ['CERTIFICATE_NOT_FROM_CA', 'SIGNING_CERTIFICATE_UNTRUSTED'],
  ['CERTIFICATE_SIGNATURE_INVALID', 'SIGNING_CERTIFICATE_UNTRUSTED'],
  ['SIGNER_NOT_CERTIFICATE_SUBJECT', 'SIGNING_CERTIFICATE_NOT_OWN'],
  ['CERTIFICATE_NOT_VALID_AT_SIGNING', 'SIGNING_CERTIFICATE_NOT_VALID'],
  ['SIGNATURE_INVALID', 'CASE_DOCUMENT_SIGNATURE_INVALID'],
];

function refuse(code: string, params: Record<string, string>, field: string): never {
  const problem: ProblemDetail = { code, field, params };
  throw new DomainError(code, params, { problems: [problem] });
}

/** Checks one browser signature against the stored PDF, the certificate and the trusted CAs. */
async function checkBrowserSignature(
  executor: Executor,
  signature: DocumentSignatureInput,
  document: CaseDocumentRow,
  context: { actor: Actor; at: Date; trustedCas: readonly CertificateRecord[]; field: string },
): Promise<SignatureToStore> {
  const { actor, at, field } = context;
  const params = { documentId: document.id, certificateId: signature.certificateId };
  const [certificate] = await executor
    .select()
    .from(tables.signingCertificates)
    .where(eq(tables.signingCertificates.id, signature.certificateId));
  if (certificate === undefined) refuse('SIGNING_CERTIFICATE_NOT_FOUND', params, `${field}.certificateId`);
  if (certificate.organisationId !== actor.organisationId)
    refuse('SIGNING_CERTIFICATE_NOT_OWN', params, `${field}.certificateId`);
  if (certificate.revokedAt !== null && certificate.revokedAt <= at)
    refuse('SIGNING_CERTIFICATE_REVOKED', params, `${field}.certificateId`);

  const record = certificate.record as unknown as CertificateRecord;
  const signatureRecord: SignatureRecord = {
    signerOrgId: actor.organisationId,
    signerKeyId: `browser/${certificate.id}`,
    digestAlgorithm: 'SM3',
    digestHex: signature.digestHex,
    signatureAlgorithm: 'SM2-SM3',
    userId: SM2_DEFAULT_USER_ID,
    signatureHex: signature.signatureHex,
    signedAt: at.toISOString(),
    certificate: record,
  };
  const [verdict] = verifySignedDocument(
    document.pdf,
    [signatureRecord],
    findIssuingCa(record, context.trustedCas),
  ).signers;
  const found = problemCodes.find(([problem]) => verdict!.problems.includes(problem));
  if (found !== undefined) {
    const [problem, code] = found;
    const subfield =
      problem === 'DIGEST_MISMATCH'
        ? 'digestHex'
        : problem === 'SIGNATURE_INVALID'
          ? 'signatureHex'
          : 'certificateId';
    refuse(code, params, `${field}.${subfield}`);
  }
  return {
    document,
    certificateId: certificate.id,
    signatureHex: signature.signatureHex.toLowerCase(),
    method: 'browser',
  };
}

/**
 * 签署合同 (sign the case's contracts), both documents in one transaction: the enterprise signs the loan and the
 * pledge contract (`sign`; the case becomes `contracted` once every required signature exists), the guarantor
 * of a 反担保 case signs its counter-guarantee pledge contract first (`sign_counter_guarantee`). A browser signer
 * sends, per document, its SM2 signature over the document's SM3 digest made with its own private key and the
 * id of its registered certificate; the server checks the digest is the current version's, the signature, the
 * certificate's chain to a trusted CA, its validity now, that it is not revoked and belongs to the actor's
 * organisation. Without signatures the organisation signs through its signing service. Any fault is a coded
 * error and nothing is written. Source: issue 5 item 5; 《电子签名法》第十三条 (a reliable electronic signature is
 * exclusively controlled by the signer and any change after signing can be detected).
 */
export async function signCaseDocuments(
  input: SignCaseDocumentsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SignCaseDocumentsResult> {
  const scope = authorize(actor, 'case.sign');
  const now = deps.clock.now();
  const action: CaseAction = actor.role === 'guarantor_user' ? 'sign_counter_guarantee' : 'sign';
  return runInTransaction(deps, async (tx) => {
    await lockCaseForSigning(tx, input.id);
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const all = await findCaseDocumentRows(tx, row.id, { currentOnly: false });
    const current = all.filter((d) => !d.superseded);
    const existing = await findDocumentSignatures(
      tx,
      current.map((d) => d.id),
    );
    const signedBy = (document: CaseDocumentRow, organisationId: string) =>
      existing.some((s) => s.documentId === document.id && s.signerOrganisationId === organisationId);
    const mine = current.filter((d) => d.requiredSignerOrgIds.includes(actor.organisationId));
    if (mine.length > 0 && mine.every((d) => signedBy(d, actor.organisationId)))
      refuse('CASE_DOCUMENT_ALREADY_SIGNED', { documentId: mine[0]!.id }, 'signatures');

    const pledgeContract = current.find((d) => d.kind === 'pledge_contract');
    const to = assertCaseAction({
      state: row.state as CaseState,
      action,
      actorRole: actor.role,
      actorUserId: actor.userId,
      contractPrepared: pledgeContract !== undefined && current.some((d) => d.kind === 'loan_contract'),
      pledgeeKind: row.pledgeeKind === 'guarantor' ? 'guarantor' : 'bank',
      ...(row.combinedModel === null ? {} : { combinedModel: row.combinedModel as CombinedModel }),
      counterGuaranteeSigned:
        pledgeContract !== undefined && signedBy(pledgeContract, pledgeContract.requiredSignerOrgIds[0]!),
    });
    const toSign = mine.filter((d) => !signedBy(d, actor.organisationId));
    if (toSign.length === 0)
      refuse('CASE_DOCUMENT_NOT_SIGNER', { documentId: current[0]?.id ?? '-' }, 'signatures');

    const toStore: SignatureToStore[] = [];
    if (input.signatures === undefined) {
      const [organisation] = await tx
        .select({ name: tables.organisations.nameZh })
        .from(tables.organisations)
        .where(eq(tables.organisations.id, actor.organisationId));
      const key = await findSigningServiceKey(
        tx,
        { orgId: actor.organisationId, name: organisation?.name ?? '' },
        now,
      );
      const ca = createPlatformTestCa(deps, tx);
      for (const document of toSign) {
        const record = await ca.sign(document.sm3DigestHex, key.keyId);
        toStore.push({
          document,
          certificateId: key.certificateId,
          signatureHex: record.signatureHex,
          method: 'signing_service',
        });
      }
    } else {
      const trustedCas = findTrustedCaCertificates(deps);
      const seen = new Set<string>();
      for (const [index, signature] of input.signatures.entries()) {
        const field = `signatures[${index}]`;
        const params = { documentId: signature.documentId };
        const document = current.find((d) => d.id === signature.documentId);
        if (document === undefined) {
          const older = all.some((d) => d.id === signature.documentId);
          refuse(
            older ? 'CASE_DOCUMENT_SUPERSEDED' : 'CASE_DOCUMENT_NOT_FOUND',
            params,
            `${field}.documentId`,
          );
        }
        if (seen.has(document.id)) refuse('FIELD_NOT_ALLOWED', params, `${field}.documentId`);
        seen.add(document.id);
        if (!document.requiredSignerOrgIds.includes(actor.organisationId))
          refuse('CASE_DOCUMENT_NOT_SIGNER', params, `${field}.documentId`);
        if (signedBy(document, actor.organisationId))
          refuse('CASE_DOCUMENT_ALREADY_SIGNED', params, `${field}.documentId`);
        toStore.push(
          await checkBrowserSignature(tx, signature, document, { actor, at: now, trustedCas, field }),
        );
      }
      const missing = toSign.find((d) => !seen.has(d.id));
      if (missing !== undefined)
        refuse('CASE_DOCUMENT_SIGNATURE_MISSING', { documentId: missing.id }, 'signatures');
    }

    for (const signature of toStore) {
      await tx.insert(tables.documentSignatures).values({
        id: randomUUID(),
        documentId: signature.document.id,
        signerOrganisationId: actor.organisationId,
        signerUserId: actor.userId,
        certificateId: signature.certificateId,
        digestHex: signature.document.sm3DigestHex,
        userIdA: SM2_DEFAULT_USER_ID,
        signatureHex: signature.signatureHex,
        method: signature.method,
        signedAt: now,
      });
    }
    const documents = await toCaseDocumentViews(tx, current);
    if (to !== row.state) {
      // Moving to `contracted` needs every required signature on every current document (bank, guarantor, us).
      for (const document of documents) {
        const unsigned = document.signers.find((s) => !s.signed);
        if (unsigned !== undefined)
          refuse(
            'CASE_DOCUMENT_SIGNATURES_INCOMPLETE',
            { documentId: document.id, organisationName: unsigned.organisationName },
            'signatures',
          );
      }
    }
    const updated = await writeCaseTransition(
      tx,
      deps,
      actor,
      { row, action, to, expectedVersion: input.expectedVersion, note: input.note ?? null },
      now,
    );
    return { caseId: updated.id, state: updated.state, version: updated.version, documents };
  });
}
