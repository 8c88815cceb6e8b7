import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import type { CaseAttachmentView } from '../ledger/find-case-attachments.ts';
import {
  decodeAttachmentContent,
  storeCaseAttachment,
  type CaseAttachmentContentInput,
} from '../ledger/store-case-attachment.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';

export interface UploadSubsidyEvidenceInput extends CaseAttachmentContentInput {
  readonly caseId: string;
  /** A code of `caseAttachmentKinds` (e.g. `tax_certificate`, `other` for an invoice or a certificate). */
  readonly kind: string;
}

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
  const bytes = decodeAttachmentContent(input);

  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    if (row.state === 'declined' || row.state === 'withdrawn')
      throw new DomainError('CASE_ATTACHMENT_CASE_CLOSED', { state: row.state });
    return storeCaseAttachment(tx, row.id, input, bytes, actor, deps, now, { purpose: 'subsidy_evidence' });
  });
}
