import { randomUUID } from 'node:crypto';
import { DomainError } from '@ipf/domain/errors';
import { validateCaseAttachment } from '@ipf/domain/ledger';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { calculateSm3DigestHex } from '../signing/calculate-sm3-digest.ts';
import { findCaseAttachmentViews, type CaseAttachmentView } from './find-case-attachments.ts';

/** A file to attach to a case, as the upload use cases receive it. */
export interface CaseAttachmentContentInput {
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
 * Decodes and checks an attachment before any transaction: the content must be standard Base64
 * (CASE_ATTACHMENT_CONTENT_INVALID), and kind, name, type by magic bytes and size must pass
 * `validateCaseAttachment` (its first problem is thrown, with all of them). Returns the bytes.
 */
export function decodeAttachmentContent(input: CaseAttachmentContentInput): Buffer {
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
  return bytes;
}

/**
 * Stores decoded attachment bytes on a case the caller has already loaded and checked (visibility and the
 * case-state rule stay with each use case): the row with its SM3 digest, the audit event
 * `case_attachment.uploaded` (with `auditExtra` added to its `after`), and returns the attachment's view.
 */
export async function storeCaseAttachment(
  tx: Transaction,
  caseId: string,
  input: CaseAttachmentContentInput,
  bytes: Buffer,
  actor: Actor,
  deps: AppDeps,
  now: Date,
  auditExtra: Readonly<Record<string, unknown>> = {},
): Promise<CaseAttachmentView> {
  const id = randomUUID();
  const record = {
    id,
    caseId,
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
      after: { ...record, uploadedAt: now.toISOString(), ...auditExtra },
    },
    now,
  );
  const [view] = await findCaseAttachmentViews(tx, caseId, id);
  return view!;
}
