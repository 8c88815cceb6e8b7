import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';

/** A case document's exact stored bytes, for download. */
export interface CaseDocumentFile {
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly sm3DigestHex: string;
}

/**
 * 下载文书 (get a case document): the PDF exactly as stored and signed, for whoever may read its case; a document
 * of a case the actor may not see is NOT_FOUND, like one that does not exist.
 */
export async function getCaseDocument(id: string, actor: Actor, deps: AppDeps): Promise<CaseDocumentFile> {
  const scope = authorize(actor, 'case_document.read');
  const [document] = await deps.db.select().from(tables.caseDocuments).where(eq(tables.caseDocuments.id, id));
  if (document === undefined) throw new DomainError('NOT_FOUND');
  await getVisibleCase(deps.db, document.caseId, actor, scope);
  return {
    fileName: `${document.contractNumber}.pdf`,
    pdf: Buffer.from(document.pdf),
    sm3DigestHex: document.sm3DigestHex,
  };
}
