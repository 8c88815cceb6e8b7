import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

export type CaseDocumentRow = typeof tables.caseDocuments.$inferSelect;
export type DocumentSignatureRow = typeof tables.documentSignatures.$inferSelect;

/** 签署方 of a document and whether it has signed. */
export interface CaseDocumentSignerView {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly signed: boolean;
  readonly signedAt: string | null;
  readonly certificateSerialNumber: string | null;
  /** `browser` | `signing_service`, once signed. */
  readonly method: string | null;
}

/** 案件文书 on the wire (without the PDF bytes): version, digest, and each required signer in order. */
export interface CaseDocumentView {
  readonly id: string;
  readonly caseId: string;
  /** `loan_contract` | `pledge_contract`. */
  readonly kind: string;
  readonly version: number;
  readonly contractNumber: string;
  readonly sm3DigestHex: string;
  readonly superseded: boolean;
  readonly createdAt: string;
  readonly signers: CaseDocumentSignerView[];
  /** Every required signer has signed. */
  readonly fullySigned: boolean;
}

/** The case's documents, current versions first (loan contract, then pledge contract), then older versions. */
export async function findCaseDocumentRows(
  executor: Executor,
  caseId: string,
  options: { currentOnly: boolean },
): Promise<CaseDocumentRow[]> {
  const { caseDocuments } = tables;
  return executor
    .select()
    .from(caseDocuments)
    .where(
      options.currentOnly
        ? and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.superseded, false))
        : eq(caseDocuments.caseId, caseId),
    )
    .orderBy(asc(caseDocuments.superseded), asc(caseDocuments.kind), desc(caseDocuments.version));
}

/** The signatures stored for these documents. */
export async function findDocumentSignatures(
  executor: Executor,
  documentIds: readonly string[],
): Promise<DocumentSignatureRow[]> {
  if (documentIds.length === 0) return [];
  return executor
    .select()
    .from(tables.documentSignatures)
    .where(inArray(tables.documentSignatures.documentId, [...documentIds]))
    .orderBy(asc(tables.documentSignatures.signedAt));
}

/** Views of document rows with their signers' names and signature status. */
export async function toCaseDocumentViews(
  executor: Executor,
  rows: readonly CaseDocumentRow[],
): Promise<CaseDocumentView[]> {
  if (rows.length === 0) return [];
  const signatures = await findDocumentSignatures(
    executor,
    rows.map((r) => r.id),
  );
  const orgIds = [...new Set(rows.flatMap((r) => r.requiredSignerOrgIds))];
  const certificateIds = [...new Set(signatures.map((s) => s.certificateId))];
  const orgs = await executor
    .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, orgIds));
  const certificates =
    certificateIds.length === 0
      ? []
      : await executor
          .select({
            id: tables.signingCertificates.id,
            serialNumber: tables.signingCertificates.serialNumber,
          })
          .from(tables.signingCertificates)
          .where(inArray(tables.signingCertificates.id, certificateIds));
  const nameOf = new Map(orgs.map((o) => [o.id, o.nameZh]));
  const serialOf = new Map(certificates.map((c) => [c.id, c.serialNumber]));
  return rows.map((row) => {
    const signers = row.requiredSignerOrgIds.map((organisationId): CaseDocumentSignerView => {
      const signature = signatures.find(
        (s) => s.documentId === row.id && s.signerOrganisationId === organisationId,
      );
      return {
        organisationId,
        organisationName: nameOf.get(organisationId) ?? '',
        signed: signature !== undefined,
        signedAt: signature?.signedAt.toISOString() ?? null,
        certificateSerialNumber:
          signature === undefined ? null : (serialOf.get(signature.certificateId) ?? null),
        method: signature?.method ?? null,
      };
    });
    return {
      id: row.id,
      caseId: row.caseId,
      kind: row.kind,
      version: row.version,
      contractNumber: row.contractNumber,
      sm3DigestHex: row.sm3DigestHex,
      superseded: row.superseded,
      createdAt: row.createdAt.toISOString(),
      signers,
      fullySigned: signers.every((s) => s.signed),
    };
  });
}
