import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from './transition-case.ts';

/** An attachment's stored bytes with what a download needs. */
export interface CaseAttachmentContent {
  readonly fileName: string;
  readonly mimeType: string;
  readonly sm3DigestHex: string;
  readonly content: Buffer;
}

/**
 * 下载申请材料 (download an attachment): the bytes exactly as uploaded, for whoever may read its case; an
 * attachment of a case the actor may not see, or a deleted one, is NOT_FOUND.
 */
export async function getCaseAttachmentContent(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseAttachmentContent> {
  const scope = authorize(actor, 'case_attachment.read');
  const { caseAttachments } = tables;
  const [attachment] = await deps.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), isNull(caseAttachments.deletedAt)));
  if (attachment === undefined || attachment.content === null) throw new DomainError('NOT_FOUND');
  await getVisibleCase(deps.db, attachment.caseId, actor, scope);
  return {
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    sm3DigestHex: attachment.sm3DigestHex,
    content: Buffer.from(attachment.content),
  };
}
