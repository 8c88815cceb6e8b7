import { and, count, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toGuaranteeViews, type GuaranteeView } from './risk-sharing-views.ts';

export interface FindGuaranteesInput extends PageInput {
  readonly state?: string;
}

const { guarantees, financingCases } = tables;

/**
 * 担保合同列表: a guarantor its own guarantees and those it re-guarantees (the re-guarantee fund), a bank those of
 * its cases (by hierarchy, never another bank's), the city bureau and regulators all; newest first.
 * Source: issue 8 items 1, 8; access.md.
 */
export async function findGuarantees(
  input: FindGuaranteesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<GuaranteeView>> {
  const scope = authorize(actor, 'guarantee.list');
  const conditions: SQL[] = [];
  if (actor.organisationKind === 'guarantor' || actor.organisationKind === 're_guarantor') {
    conditions.push(
      or(
        eq(guarantees.guarantorId, actor.organisationId),
        eq(guarantees.reGuarantorId, actor.organisationId),
      )!,
    );
  } else {
    conditions.push(
      exists(
        sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, guarantees.caseId), caseVisibility(actor, scope))})`,
      ),
    );
  }
  if (input.state !== undefined) conditions.push(eq(guarantees.state, input.state));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(guarantees)
    .where(where)
    .orderBy(desc(guarantees.createdAt), desc(guarantees.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(guarantees).where(where);
  return {
    items: await toGuaranteeViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
