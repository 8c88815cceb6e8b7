import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { caseAttachmentDeletableStates, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { caseVisibility } from './case-visibility.ts';

/**
 * 删除申请材料 (delete an attachment): only the user who uploaded it, and only while the case has not yet been
 * approved (`caseAttachmentDeletableStates`), so the material an approver decided on stays on record. The case
 * row is locked so an approval cannot slip in between the check and the deletion. The row stays with its
 * metadata and digest (`deletedAt`), its bytes are cleared; audited. An attachment of a case the actor may not
 * see is NOT_FOUND.
 */
export async function deleteCaseAttachment(id: string, actor: Actor, deps: AppDeps): Promise<void> {
  const scope = authorize(actor, 'case_attachment.delete');
  const now = deps.clock.now();
  const { caseAttachments, financingCases } = tables;
  await runInTransaction(deps, async (tx) => {
    const [attachment] = await tx
      .select({
        id: caseAttachments.id,
        caseId: caseAttachments.caseId,
        kind: caseAttachments.kind,
        fileName: caseAttachments.fileName,
        mimeType: caseAttachments.mimeType,
        sizeBytes: caseAttachments.sizeBytes,
        sm3DigestHex: caseAttachments.sm3DigestHex,
        uploadedByUserId: caseAttachments.uploadedByUserId,
      })
      .from(caseAttachments)
      .where(and(eq(caseAttachments.id, id), isNull(caseAttachments.deletedAt)));
    if (attachment === undefined) throw new DomainError('NOT_FOUND');
    const [row] = await tx
      .select({ id: financingCases.id, state: financingCases.state })
      .from(financingCases)
      .where(and(eq(financingCases.id, attachment.caseId), caseVisibility(actor, scope)))
      .for('update');
    if (row === undefined) throw new DomainError('NOT_FOUND');
    if (attachment.uploadedByUserId !== actor.userId) throw new DomainError('CASE_ATTACHMENT_NOT_UPLOADER');
    if (!caseAttachmentDeletableStates.includes(row.state as CaseState))
      throw new DomainError('CASE_ATTACHMENT_LOCKED', { state: row.state });
    await tx.update(caseAttachments).set({ deletedAt: now, content: null }).where(eq(caseAttachments.id, id));
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'case_attachment.deleted',
        entityType: 'case_attachment',
        entityId: id,
        before: attachment,
        after: { deletedAt: now.toISOString() },
      },
      now,
    );
  });
}
