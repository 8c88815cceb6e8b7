import { randomUUID } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { isTerminalCaseState, validateCaseAttachment, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { calculateSm3DigestHex } from '../signing/calculate-sm3-digest.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { findCaseAttachmentViews, type CaseAttachmentView } from './find-case-attachments.ts';
import { getVisibleCase } from './transition-case.ts';

export interface UploadCaseAttachmentInput {
  readonly caseId: string;
  /** A code of `caseAttachmentKinds`. */
  readonly kind: string;
  readonly fileName: string;
  /** The type the uploader declares; the content's magic bytes must confirm it. */
  readonly mimeType: string;
  /** The file as standard Base64 (JSON bodies only, see ARCHITECTURE.md on CSRF). */
  readonly contentBase64: string;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * 上传申请材料 (attach a document to a case): the applicant enterprise or the case's bank clerk (the permission
 * matrix and the case's visibility decide which cases) adds a PDF, JPEG, PNG or xlsx file of at most 10 MB while
 * the case is open (not declined, withdrawn, closed, written off or recovered). The content must be Base64 and
 * of the declared type by its magic bytes; the SM3 digest of the bytes is stored with them. Audited; nothing is
 * written when refused.
 */
export async function uploadCaseAttachment(
  input: UploadCaseAttachmentInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseAttachmentView> {
  const scope = authorize(actor, 'case_attachment.upload');
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
    if (isTerminalCaseState(row.state as CaseState))
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
        after: { ...record, uploadedAt: now.toISOString() },
      },
      now,
    );
    const [view] = await findCaseAttachmentViews(tx, row.id, id);
    return view!;
  });
}
