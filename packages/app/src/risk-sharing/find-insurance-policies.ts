import { and, count, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toInsurancePolicyViews, type InsurancePolicyView } from './risk-sharing-views.ts';

export interface FindInsurancePoliciesInput extends PageInput {
  readonly kind?: string;
}

const { insurancePolicies, financingCases } = tables;

/**
 * 保单列表: an insurer the policies it wrote; an enterprise the policies it holds; a bank the 保证保险 policies of
 * its cases (by hierarchy); the city bureau and regulators all; newest first. Source: issue 8 items 2, 8.
 */
export async function findInsurancePolicies(
  input: FindInsurancePoliciesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<InsurancePolicyView>> {
  const scope = authorize(actor, 'insurance_policy.list');
  const conditions: SQL[] = [];
  if (scope !== 'all') {
    if (actor.organisationKind === 'insurer')
      conditions.push(eq(insurancePolicies.insurerId, actor.organisationId));
    else if (actor.organisationKind === 'bank')
      conditions.push(
        exists(
          sql`(select 1 from ${financingCases} where ${and(eq(financingCases.id, insurancePolicies.caseId), caseVisibility(actor, scope))})`,
        ),
      );
    else
      conditions.push(
        or(
          eq(insurancePolicies.policyholderId, actor.organisationId),
          eq(insurancePolicies.insuredId, actor.organisationId),
        )!,
      );
  }
  if (input.kind !== undefined) conditions.push(eq(insurancePolicies.kind, input.kind));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(insurancePolicies)
    .where(where)
    .orderBy(desc(insurancePolicies.createdAt), desc(insurancePolicies.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(insurancePolicies).where(where);
  return {
    items: await toInsurancePolicyViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
