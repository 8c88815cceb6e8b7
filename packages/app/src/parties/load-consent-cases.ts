import { and, eq, inArray } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import { consentPurposeCaseId } from './consent-view.ts';

/**
 * The enterprise's own cases that consent purposes name (`financing_application:<caseId>` …), by id: the case
 * number the consent list shows ("融资申请 IPF-…"). A case of another enterprise is never looked up.
 */
export async function loadConsentCases(
  executor: Executor,
  enterpriseId: string,
  purposes: readonly string[],
): Promise<Map<string, { readonly id: string; readonly caseNumber: string }>> {
  const ids = [...new Set(purposes.map(consentPurposeCaseId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: tables.financingCases.id, caseNumber: tables.financingCases.caseNumber })
    .from(tables.financingCases)
    .where(and(inArray(tables.financingCases.id, ids), eq(tables.financingCases.enterpriseId, enterpriseId)));
  return new Map(rows.map((r) => [r.id, r]));
}
