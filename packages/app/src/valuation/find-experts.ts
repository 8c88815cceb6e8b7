import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toExpertViews, type ExpertView } from './expert-view.ts';

export interface FindExpertsInput extends PageInput {
  /** Part of the name or the affiliation. */
  readonly q?: string;
  readonly field?: string;
  /** An IPC prefix the expert covers, e.g. `G06`. */
  readonly ipc?: string;
  readonly active?: boolean;
}

const { experts } = tables;

/** 专家库: the pool filtered by name, field, IPC expertise and activity, by name. Source: issue 7 item 7. */
export async function findExperts(
  input: FindExpertsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<ExpertView>> {
  authorize(actor, 'expert.list');
  const conditions: SQL[] = [];
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(or(ilike(experts.name, pattern), ilike(experts.affiliationName, pattern))!);
  }
  if (input.field !== undefined)
    conditions.push(sql`${experts.fields} @> ${JSON.stringify([input.field])}::jsonb`);
  if (input.ipc !== undefined && input.ipc.trim() !== '')
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements_text(${experts.ipcExpertise}) as code where code like ${`${input.ipc
        .trim()
        .toUpperCase()
        .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`})`,
    );
  if (input.active !== undefined) conditions.push(eq(experts.active, input.active));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(experts)
    .where(where)
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(experts).where(where);
  return {
    items: await toExpertViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
