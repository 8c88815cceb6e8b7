import { randomUUID } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { validateCaseAttachment } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { findCaseAttachmentViews, type CaseAttachmentView } from '../ledger/find-case-attachments.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { calculateSm3DigestHex } from '../signing/calculate-sm3-digest.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';

export interface UploadSubsidyEvidenceInput {
  readonly caseId: string;
  /** A code of `caseAttachmentKinds` (e.g. `tax_certificate`, `other` for an invoice or a certificate). */
  readonly kind: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * 上传补贴证明材料 (upload the proof of a declared fact or of a fee paid): the enterprise attaches a document — its
 * 完税证明, 科技型中小企业 入库证明, 规上 certificate, 备案 receipt or a fee invoice — to its own loan's case, stored
 * like the case's other attachments (bytes, checked type, SM3 digest) so that the reviewers who read the case open
 * it from the application. Unlike application material it is accepted after the loan is repaid and the case
 * closed (subsidies are applied for then); declined and withdrawn cases have no loan to subsidise and are
 * refused (CASE_ATTACHMENT_CASE_CLOSED). The same checks as any attachment (kind, name, type by magic bytes,
 * size). Audited. Source: issue 9 item 3 "uploads only for what it does not hold".
 */
export async function uploadSubsidyEvidence(
  input: UploadSubsidyEvidenceInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseAttachmentView> {
  const scope = authorize(actor, 'subsidy_evidence.upload');
  const encoded = input.contentBase64.replace(/\s+/g, '');
  if (encoded.length % 4 !== 0 || !base64Pattern.test(encoded))
    throw new DomainError(
      'CASE_ATTACHMENT_CONTENT_INVALID',
      {},
      { problems: [{ code: 'CASE_ATTACHMENT_CONTENT_INVALID', field: 'contentBase64' }] },
    );
  const bytes = Buffer.from(encoded, 'base64');
  const problems = validateCaseAttachment({
    kind: input.kind,
    fileName: input.fileName,
    declaredMimeType: input.mimeType,
    bytes,
  });
  if (problems.length > 0) throw new DomainError(problems[0]!.code, problems[0]!.params ?? {}, { problems });

  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    if (row.state === 'declined' || row.state === 'withdrawn')
      throw new DomainError('CASE_ATTACHMENT_CASE_CLOSED', { state: row.state });
    const id = randomUUID();
    const record = {
      id,
      caseId: row.id,
      kind: input.kind,
      fileName: input.fileName.trim(),
      mimeType: input.mimeType,
      sizeBytes: bytes.length,
      sm3DigestHex: calculateSm3DigestHex(bytes),
      uploadedByUserId: actor.userId,
      uploadedByOrganisationId: actor.organisationId,
      uploadedAt: now,
    };
    await tx.insert(tables.caseAttachments).values({ ...record, content: bytes });
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'case_attachment.uploaded',
        entityType: 'case_attachment',
        entityId: id,
        after: { ...record, uploadedAt: now.toISOString(), purpose: 'subsidy_evidence' },
      },
      now,
    );
    const [view] = await findCaseAttachmentViews(tx, row.id, id);
    return view!;
  });
}
