import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toDispositionViews, type DispositionView } from './disposition-view.ts';

export interface FindDispositionsInput extends PageInput {
  readonly status?: string;
  readonly path?: string;
  /** Part of the case number. */
  readonly q?: string;
}

const { dispositionCases, financingCases } = tables;

/** The filter of the dispositions list (also the export's); rows are joined with their case. */
export function dispositionsWhere(
  input: Omit<FindDispositionsInput, 'page' | 'pageSize'>,
  visibility: SQL,
): SQL {
  const conditions: SQL[] = [visibility];
  if (input.status !== undefined) conditions.push(eq(dispositionCases.state, input.status));
  if (input.path !== undefined) conditions.push(eq(dispositionCases.path, input.path));
  const q = input.q?.trim() ?? '';
  if (q !== '') conditions.push(sql`${financingCases.caseNumber} ilike ${likePattern(q)}`);
  return and(...conditions)!;
}

/**
 * 处置案件列表 (dispositions the actor sees through their cases), filtered by status, path or case number, newest
 * first, paged. Source: issue 8 items 5, 8.
 */
export async function findDispositions(
  input: FindDispositionsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<DispositionView>> {
  const scope = authorize(actor, 'disposition.read');
  const where = dispositionsWhere(input, caseVisibility(actor, scope));
  const rows = await deps.db
    .select({ disposition: dispositionCases })
    .from(dispositionCases)
    .innerJoin(financingCases, eq(financingCases.id, dispositionCases.caseId))
    .where(where)
    .orderBy(desc(dispositionCases.createdAt), desc(dispositionCases.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db
    .select({ n: count() })
    .from(dispositionCases)
    .innerJoin(financingCases, eq(financingCases.id, dispositionCases.caseId))
    .where(where);
  return {
    items: await toDispositionViews(
      deps.db,
      rows.map((r) => r.disposition),
    ),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
