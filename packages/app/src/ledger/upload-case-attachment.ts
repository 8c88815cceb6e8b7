import { DomainError } from '@ipf/domain/errors';
import { isTerminalCaseState, type CaseState } from '@ipf/domain/ledger';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import type { CaseAttachmentView } from './find-case-attachments.ts';
import {
  decodeAttachmentContent,
  storeCaseAttachment,
  type CaseAttachmentContentInput,
} from './store-case-attachment.ts';
import { getVisibleCase } from './transition-case.ts';

export interface UploadCaseAttachmentInput extends CaseAttachmentContentInput {
  readonly caseId: string;
}

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
  const bytes = decodeAttachmentContent(input);

  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    if (isTerminalCaseState(row.state as CaseState))
      throw new DomainError('CASE_ATTACHMENT_CASE_CLOSED', { state: row.state });
    return storeCaseAttachment(tx, row.id, input, bytes, actor, deps, now);
  });
}
