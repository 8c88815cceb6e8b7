import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { findCaseDocumentRows, toCaseDocumentViews, type CaseDocumentView } from './case-document-view.ts';

/**
 * 案件文书列表 (the case's documents) with each required signer's status: current versions first, then the
 * superseded ones; for whoever may read the case (another bank's case is NOT_FOUND).
 */
export async function findCaseDocuments(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDocumentView[]> {
  const scope = authorize(actor, 'case_document.read');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  return toCaseDocumentViews(deps.db, await findCaseDocumentRows(deps.db, row.id, { currentOnly: false }));
}
